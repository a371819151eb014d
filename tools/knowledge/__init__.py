"""The agent's window on the O*NET knowledge base: skills and occupations."""
