"""Each card's claim, checked by running it under MindSpore 2.10 (CPU, PyNative).

RAISES: bad.py's demo() raises the documented exception; good.py and fixed.py run.
DIVERGES: bad.py runs but returns something else than good.py.
Every fixed.py returns what good.py returns.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from helpers import CARDS

from mslint.rules.catalog import Oracle, all_rules

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("card_runner.py")
ORACLE_RULES = [rule for rule in all_rules() if rule.oracle is not Oracle.NONE and (CARDS / rule.symbol).is_dir() and rule.family.value != "73"]
# Graph-mode cards need GRAPH_MODE and each syntax level: tests/oracle/test_graph_cards.py runs them.


@cache
def observations() -> dict[str, dict]:
    """Run every card file in one MindSpore process."""
    files = sorted(str(path) for rule in ORACLE_RULES for path in (CARDS / rule.symbol).glob("*.py"))
    result = subprocess.run(
        [sys.executable, str(RUNNER), *files], capture_output=True, text=True, timeout=600, env={**os.environ, "GLOG_v": "3"}
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {Path(line["file"]).parent.name + "/" + Path(line["file"]).name: line for line in map(json.loads, result.stdout.splitlines())}


@pytest.mark.parametrize("rule", ORACLE_RULES, ids=lambda rule: rule.symbol)
def test_card_behaves_as_the_rule_claims(rule):
    seen = observations()
    bad, good = seen[f"{rule.symbol}/bad.py"], seen[f"{rule.symbol}/good.py"]
    assert good["ok"], good
    if rule.oracle is Oracle.RAISES:
        assert not bad["ok"] and bad["error"] == rule.oracle_detail, bad
    else:
        assert bad["ok"] and bad["value"] != good["value"], (bad, good)
    fixed = seen.get(f"{rule.symbol}/fixed.py")
    if fixed is not None:
        assert fixed["ok"] and fixed["value"] == good["value"], (fixed, good)
