"""Ascend rules checked against MindSpore on CPU: what CPU can show, and the fixes' signatures."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CARDS

from mslint.knowledge.ops_metadata import load_op_metadata
from mslint.rules.ascend import COMPATIBLE_ALTERNATIVES, PURE_RENAMES

ROOT = Path(__file__).resolve().parents[2]
CARD = CARDS / "ms-op-no-kernel-on-target"
RUNNER = Path(__file__).with_name("card_runner.py")


def _resolve(qualname: str):
    import importlib

    module, _, name = qualname.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _parameters(api) -> list[inspect.Parameter]:
    target = api.__init__ if inspect.isclass(api) else api
    return [parameter for parameter in inspect.signature(target).parameters.values() if parameter.name != "self"]


def _accepts_every_call_of(new: list[inspect.Parameter], old: list[inspect.Parameter]) -> bool:
    """``new`` starts with ``old``'s parameters (same names and kinds) and adds only optional ones."""
    same = [(p.name, p.kind) for p in new[: len(old)]] == [(p.name, p.kind) for p in old]
    return same and all(p.default is not inspect.Parameter.empty or p.kind is p.VAR_POSITIONAL for p in new[len(old) :])


@pytest.mark.parametrize("qualname", sorted(COMPATIBLE_ALTERNATIVES))
def test_replaced_callee_takes_the_same_parameters(qualname):
    alternative = load_op_metadata().get(qualname).mint_alternative
    assert _accepts_every_call_of(_parameters(_resolve(alternative)), _parameters(_resolve(qualname)))


@pytest.mark.parametrize("old, new", sorted(PURE_RENAMES.items()))
def test_renamed_primitive_takes_the_same_parameters(old, new):
    assert _accepts_every_call_of(_parameters(_resolve(new)), _parameters(_resolve(old)))


# How each renamed primitive is called in the execution check (``P`` is the primitive, ``x`` a 2x3 float32 tensor).
RENAME_CALLS = {
    "mindspore.ops.TensorAdd": "P()(x, x)",
    "mindspore.ops.Pack": "P()([x, x])",
    "mindspore.ops.Unpack": "P()(x)",
    "mindspore.ops.GatherV2": "P()(x, ms.Tensor(np.array([1, 0], np.int32)), 1)",
}
RENAME_PROBE = """
import json, sys
import numpy as np
import mindspore as ms
from mindspore import ops

x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
for name, call in json.loads(sys.argv[1]):
    P = getattr(ops, name.rpartition(".")[2])
    try:
        out = eval(call)
    except RuntimeError as error:
        print(json.dumps({"error": str(error).splitlines()[0]}))
        continue
    out = [item.asnumpy().tolist() for item in out] if isinstance(out, (tuple, list)) else out.asnumpy().tolist()
    print(json.dumps({"value": out}))
"""
# Deprecated names that no longer run on CPU in 2.10: the rename is then a repair, not a no-op.
BROKEN_OLD_NAMES = {"mindspore.ops.GatherV2": "For Operator[Gather], the inputs number should be 4 but got 3."}


def test_renamed_primitives_compute_the_same_on_cpu():
    """The ``ms-op-deprecated`` fix (TensorAdd -> Add, ...) is checked by running both names on the same input:
    the new name runs, and gives what the old one gives, or the old one is known to be broken."""
    assert set(RENAME_CALLS) == set(PURE_RENAMES)
    pairs = [(name, call) for old, call in sorted(RENAME_CALLS.items()) for name in (old, PURE_RENAMES[old])]
    result = subprocess.run(
        [sys.executable, "-c", RENAME_PROBE, json.dumps(pairs)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "GLOG_v": "3"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == len(pairs)
    for (old, _), before, after in zip(pairs[0::2], outputs[0::2], outputs[1::2]):
        assert "value" in after, (old, after)
        assert before == ({"error": BROKEN_OLD_NAMES[old]} if old in BROKEN_OLD_NAMES else after), old


def test_no_kernel_card_fails_on_cpu_and_its_portable_rewrite_runs():
    files = [str(CARD / "bad.py"), str(CARD / "good.py")]
    result = subprocess.run(
        [sys.executable, str(RUNNER), *files], capture_output=True, text=True, timeout=300, env={**os.environ, "GLOG_v": "3"}
    )
    bad, good = map(json.loads, result.stdout.splitlines())
    assert not bad["ok"] and bad["error"] == "RuntimeError", bad
    assert good["ok"], good
