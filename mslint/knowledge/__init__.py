"""What mslint knows about MindSpore, PyTorch and TensorFlow: data files generated from the installed frameworks
or curated (``data/``, each entry with its source), and their loaders. Nothing here imports a framework."""

from __future__ import annotations

from importlib import resources


def data_text(name: str) -> str:
    """The text of a file of ``mslint/knowledge/data``."""
    return resources.files(__name__).joinpath("data", name).read_text(encoding="utf-8")
