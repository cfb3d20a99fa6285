"""Data files the rules and the readers load: word lists, costs, patterns (see each file's header)."""
