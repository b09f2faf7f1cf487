"""mindtorch_support.json and the pieces that build and judge it, without MindSpore or PyTorch."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # scripts/ and tests/oracle/ are not packages
sys.path.insert(0, str(ROOT / "tests" / "oracle"))
from gen_mindtorch_support import parse_constraint
from mindtorch_probes import verdict

LAYER = json.loads((ROOT / "mslint" / "knowledge" / "data" / "mindtorch_support.json").read_text(encoding="utf-8"))["layers"]["mindtorch"]


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("", {}),
        ("不支持out出参；支持数据类型：fp16、fp32", {"unsupported_args": ["out"], "dtypes": ["fp16", "fp32"]}),
        ("入参不支持_stacklevel、dim默认值torch为None、msadapter为-1；支持数据类型：bf16、fp16、fp32",
         {"unsupported_args": ["_stacklevel"], "defaults_diff": {"dim": ["None", "-1"]}, "dtypes": ["bf16", "fp16", "fp32"]}),
        ("默认值start_dim为1，torch为0", {"defaults_diff": {"start_dim": ["0", "1"]}}),
        ("入参不支持foreach、differentiable；参数lr具有默认值1e-3，torch无默认值",
         {"unsupported_args": ["differentiable", "foreach"], "defaults_diff": {"lr": [None, "1e-3"]}}),
        ("参数out、layout、device、requires_grad、pin_memory可以传入，但是这些参数不生效",
         {"ignored_args": ["device", "layout", "out", "pin_memory", "requires_grad"]}),
        ("可传入device参数，但不会生效； 不支持out、layout、device、require_grad参数；支持数据类型：fp32",
         {"unsupported_args": ["layout", "out", "requires_grad"], "ignored_args": ["device"], "dtypes": ["fp32"]}),
        ("bf16、fp16、fp32；不支持8维度的shape", {"dtypes": ["bf16", "fp16", "fp32"]}),
    ],
)
def test_parse_constraint(text: str, parsed: dict) -> None:
    assert parse_constraint(text) == parsed


def test_verdicts() -> None:
    works, raises = {"works": [1.0]}, {"raises": "AttributeError: no"}
    assert verdict("not-supported", raises, works) == "confirmed"
    assert verdict("not-supported", works, works) == "contradicted: works"
    assert verdict("stable", works, works) == "confirmed"
    assert verdict("stable", raises, works) == "contradicted: AttributeError: no"
    assert verdict("stable", {"works": [2.0]}, works) == "contradicted: [2.0] where PyTorch gives [1.0]"


def test_published_table_counts() -> None:
    """The five pages of MSAdapter's support tables against PyTorch 2.1 (mindspore-ai/docs master, 2025-07)."""
    assert LAYER["counts"] == {"beta": 231, "not-supported": 887, "stable": 167}
    assert LAYER["torch_version"] == "2.1"
    assert all(entry["source"] in LAYER["docs"] for entry in LAYER["entries"].values())
    assert {constraint["id"] for constraint in LAYER["constraints"]} >= {"no-tensor-backward", "no-to-device", "no-complex", "dataloader-pin-memory"}


def test_sample_is_drawn_from_its_status() -> None:
    for status, names in LAYER["sample"]["names"].items():
        assert all(LAYER["entries"][name]["status"] == status for name in names)
