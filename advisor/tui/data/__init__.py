"""The TUI's data layer: no widgets here, only what screens hand to widgets and unit tests."""
