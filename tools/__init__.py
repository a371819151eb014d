"""The agent's capabilities, one sub-package each."""
