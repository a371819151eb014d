"""Resume ingestion: reading files, structure, contact redaction and the skill profile."""
