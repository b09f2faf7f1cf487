"""The test suite's own policy: a test that needs MindSpore or PyTorch fails in CI when it is missing."""

from __future__ import annotations

import pytest
from helpers import require


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)], ids=["ci", "local"])
def test_a_missing_framework_fails_in_ci_and_skips_locally(monkeypatch, ci, outcome):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome):
        require("mslint_no_such_framework")


def test_an_installed_module_is_returned():
    assert require("json").dumps([]) == "[]"
