"""Learning plans: the learning resource catalogue and what each missing skill is worth."""
