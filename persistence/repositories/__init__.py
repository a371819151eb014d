"""Repository functions, one module per area; each takes a session and keyword-only arguments."""
