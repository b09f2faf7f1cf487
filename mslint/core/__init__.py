"""mslint.core."""
