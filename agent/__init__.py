"""What the agent is: settings, chat models, prompts and the per-run context."""
