"""AWS ML Advisor: an explainable expert system for choosing AWS ML services and algorithms."""

__version__ = "0.1.0"
