"""``mslint readiness``: how much work a PyTorch -> MindSpore port is (see docs/readiness.md)."""
