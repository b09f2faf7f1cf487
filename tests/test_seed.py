"""The migration guide's code blocks (tests/fixtures/seed/): every idiom reported on its line, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import lint_file

from mslint.outputs.docs import markers

SEED = Path(__file__).parent / "fixtures" / "seed"


@pytest.mark.parametrize("path", sorted(SEED.glob("*.py")), ids=lambda path: path.stem)
def test_seed_block_reports_exactly_its_markers(path):
    expected = markers(path.read_text(encoding="utf-8"))
    found = {(finding.line, finding.symbol) for finding in lint_file(path, mindspore_version="2.10")}
    assert found == expected


def test_view_is_reported_only_when_targeting_mindspore_1():
    path = SEED / "bottleneck_half_ported.py"
    on_1x = {(f.line, f.symbol) for f in lint_file(path, mindspore_version="1.10")}
    assert (61, "ms-tensor-view-unavailable") in on_1x
    # Tensor.size is an int only from 2.0 on
    assert (60, "ms-tensor-size-call") not in on_1x
