"""What the readiness scan records for one API use, and the statuses a use can have."""

from __future__ import annotations

from dataclasses import dataclass

AUTO, MANUAL, NONE, TENSOR, UNKNOWN = "auto-fixable", "needs-manual-change", "no-equivalent", "possibly-tensor-method", "unknown"
STATUSES = (AUTO, MANUAL, NONE, TENSOR, UNKNOWN)


@dataclass(frozen=True)
class Use:
    """One PyTorch API use; ``kind`` is the knowledge-base kind (None when unknown); ``layer`` its status in MindTorch's
    support tables (``mslint.knowledge.mindtorch``; empty for a TensorFlow use) and ``layer_note`` why, when it is not
    the table's own."""

    path: str
    line: int
    column: int
    api: str
    status: str
    kind: str | None
    ms: str | None
    what: str
    doc: str
    layer: str = ""
    layer_note: str = ""
