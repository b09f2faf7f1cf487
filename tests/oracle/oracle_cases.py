"""Oracle cases, keyed by torch qualified name (see test_torch_mapping_oracle.py)."""

CASES: dict = {}
