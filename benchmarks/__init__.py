"""Scripts that print Jobmate's speed and memory figures; never part of the test run."""
