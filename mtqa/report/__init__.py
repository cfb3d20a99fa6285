"""Reporters: one module per output format."""
FORMATS = ("text", "json")
