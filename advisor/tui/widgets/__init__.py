"""Widgets: each renders data handed down by its screen and posts messages up; none imports
the engine (tests/tui/test_layers.py checks)."""
