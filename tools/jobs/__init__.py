"""Job postings: reading what a posting asks for, and (later) finding postings."""
