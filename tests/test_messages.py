"""Every card's messages follow docs/messages.md; fix labels agree between rules, explain, JSON, SARIF and the
server."""

from __future__ import annotations

import json
import re

import pytest
from helpers import CARDS, card_findings

from mslint.core.edits import Applicability
from mslint.outputs.docs import rule_text, rules_json
from mslint.outputs.json_reporter import render_json
from mslint.rules.catalog import all_rules
from mslint.server.protocol import fix_title

RULES = [rule for rule in all_rules() if (CARDS / rule.symbol / "bad.py").exists()]
SPHINX = re.compile(r":(?:func|class|meth|attr|mod|obj|ref):`|``")
OLD_DOCS = re.compile(r"mindspore\.cn/docs/\w+/r(?!2\.10\b)\d+\.\d+")
BAD_CAPITALS = re.compile(r"(?:^|[.:;] )(?:Ops|Nn|Mint|Random|Getattr|Jit_class|Setattr|Isinstance)\b")
REASONING = re.compile(r"\bassuming\b|no TensorFlow sign")
PASTED = re.compile(r"\.;|;\.|(?<!\.)\.\.(?!\.)")


def style_problems(text: str) -> list[str]:
    """What in ``text`` goes against docs/messages.md."""
    problems = []
    if SPHINX.search(text):
        problems.append("markup")
    old = OLD_DOCS.search(text)
    if old and "last published for MindSpore" not in text and not re.search(r"[Ss]ources?:.*" + re.escape(old.group()), text):
        problems.append(f"link to {old.group()}")
    if BAD_CAPITALS.search(text):
        problems.append("code capitalised")
    if REASONING.search(text):
        problems.append("the checker's reasoning")
    if PASTED.search(text):
        problems.append("pasted punctuation")
    removed = re.search(r"removed after version (\d+)\.(\d+)", text)
    if removed and (int(removed.group(1)), int(removed.group(2))) < (2, 10):
        problems.append("a removal announced for a version before the target")
    return problems


def test_the_style_check_catches_what_issue_27_found() -> None:
    for bad in (
        "'ops.UniformInt' is deprecated since MindSpore 2.10.0: `mindspore.ops.UniformInt` is deprecated.; use x",
        "use :func:`mindspore.ops.fill` instead",
        "not in MindSpore's mapping table (https://www.mindspore.cn/docs/en/r2.1/note/x.html)",
        "BatchNorm momentum=0.1 (assuming PyTorch origin: no TensorFlow sign in the file or its project)",
        "Ops.stack of tensors with different dtypes",
        "'Tensor.det' is deprecated and will be removed after version 2.9.0",
    ):
        assert style_problems(bad), bad
    assert not style_problems("'nn.OneHot' will be deprecated in a future MindSpore version: use ops.one_hot")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_card_messages_follow_the_style_guide(rule) -> None:
    findings = card_findings(rule, "bad.py")
    assert findings, "the bad card reports nothing"
    problems = {finding.message: style_problems(finding.message) for finding in findings}
    assert not {message: found for message, found in problems.items() if found}
    assert not style_problems(rule.summary), rule.summary


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.fix is not None], ids=lambda rule: rule.symbol)
def test_fix_labels_agree_everywhere(rule) -> None:
    declared = {rule.fix, rule.fix_also} - {None}
    listed = next(entry for entry in json.loads(rules_json()) if entry["symbol"] == rule.symbol)
    assert listed["fix_label"] == rule.fix_label and rule.fix_label[0].upper() + rule.fix_label[1:] in rule_text(rule)
    findings = [finding for finding in card_findings(rule, "bad.py") if finding.fix is not None]
    reported = json.loads(render_json(findings))["findings"]
    for finding, shown in zip(findings, reported, strict=True):
        assert finding.fix.applicability in declared, (finding.message, finding.fix.applicability)
        assert shown["fix"]["applicability"] == finding.fix.applicability.value
        if finding.fix.applicability is Applicability.UNSAFE:
            assert f"({Applicability.UNSAFE.label}: review the change)" in fix_title(finding)
