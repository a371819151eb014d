"""The agent's task tools: dated tasks a person creates, lists, completes and reschedules."""
