"""The agent's note tools."""
