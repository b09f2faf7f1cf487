"""TensorFlow 1.x projects in the readiness report: ``tf.*`` uses counted by their status in MindSpore's
TensorFlow API mapping table (``mslint/knowledge/data/tf_mapping.json``), and a clear status for Python 2 files."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from astroid import nodes

from mslint.knowledge.mappings import TF_STATUSES, load_tf_mapping, tf_mapping_for
from mslint.readiness.uses import MANUAL, NONE, UNKNOWN, Use
from mslint.rules.tensorflow import TF_MAPPING_PAGE
from mslint.run.screening import python2_sign

# A TensorFlow use weighs as the PyTorch mapping kind of the same effort (the effort model reads the kind).
TF_KIND = {"consistent": "exact", "renamed-args": "renamed-args", "diff": "semantic-diff", "listed": "semantic-diff",
           "no-equivalent": "no-equivalent"}
UNKNOWN_ADVICE = "not in MindSpore's TensorFlow API mapping table: look for a counterpart by hand"


def is_tensorflow_name(qualname: str | None) -> bool:
    return qualname is not None and qualname.startswith("tensorflow.")


def tensorflow_use(path: str, node: nodes.NodeNG, qualname: str) -> Use:
    """One ``tf.*`` use: ``no-equivalent`` or ``needs-manual-change`` (mslint rewrites no TensorFlow code), ``unknown``
    when the table lacks the name."""
    entry = tf_mapping_for(qualname)
    api = "tf." + qualname[len("tensorflow.") :]
    if entry is None:
        return Use(path, node.lineno, node.col_offset, api, UNKNOWN, None, None, UNKNOWN_ADVICE, TF_MAPPING_PAGE)
    what = (f"use {' or '.join(entry.ms)}" if entry.ms else "no MindSpore counterpart") + (f": {entry.note}" if entry.note else "")
    doc = entry.diff or re.search(r"https?://\S+", entry.source).group()
    status = NONE if entry.status == "no-equivalent" else MANUAL
    return Use(path, node.lineno, node.col_offset, api, status, TF_KIND[entry.status], " or ".join(entry.ms) or None, what, doc)


def by_mapping_status(uses: Iterable[Use]) -> dict[str, int]:
    """``tf.*`` uses by their status in the mapping table (``unknown``: not in it)."""
    mapping = load_tf_mapping()
    counted = Counter(mapping[use.api].status if use.api in mapping else "unknown" for use in uses if use.api.startswith("tf."))
    return {status: counted[status] for status in (*TF_STATUSES, "unknown") if counted[status]}


def scan_error(path: Path, error: Exception) -> str:
    """The per-file status of a file that could not be scanned; Python 2 sources say so."""
    syntax = getattr(error, "error", error)
    if isinstance(syntax, SyntaxError):
        sign = python2_sign(path.read_text(encoding="utf-8", errors="replace"), syntax)
        if sign is not None:
            return f"not scanned: Python 2 source ({sign}): port it to Python 3 first"
    return f"not scanned: {error.__class__.__name__}"
