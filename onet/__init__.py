"""The O*NET knowledge base: import, skill ontology, semantic index, lookup and extraction."""
