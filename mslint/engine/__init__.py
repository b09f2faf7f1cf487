"""mslint.engine."""
