"""Ascend rules checked against MindSpore on CPU: what CPU can show, and the fixes' signatures."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mslint.checkers.ascend import COMPATIBLE_ALTERNATIVES, PURE_RENAMES
from mslint.ops_metadata import load_op_metadata

ROOT = Path(__file__).resolve().parents[2]
CARD = ROOT / "mslint" / "cards" / "ms-op-no-kernel-on-target"
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


def test_no_kernel_card_fails_on_cpu_and_its_portable_rewrite_runs():
    files = [str(CARD / "bad.py"), str(CARD / "good.py")]
    result = subprocess.run(
        [sys.executable, str(RUNNER), *files], capture_output=True, text=True, timeout=300, env={**os.environ, "GLOG_v": "3"}
    )
    bad, good = map(json.loads, result.stdout.splitlines())
    assert not bad["ok"] and bad["error"] == "RuntimeError", bad
    assert good["ok"], good
