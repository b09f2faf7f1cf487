"""mslint.analysis."""
