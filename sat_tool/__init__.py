"""SAT Tool: a desktop workbench for structured analytic techniques."""

__version__ = "0.1.0"
