"""``mslint check`` text output (also ``pylint --output-format=mslint-text``): one line per finding with a
1-based character column, as in every mslint output, then a summary; ``--statistics`` counts per rule."""

from __future__ import annotations

from collections import Counter

from mslint.core.edits import Applicability
from mslint.outputs.base import FindingsReporter
from mslint.outputs.findings import Finding


def _fix_level(finding: Finding) -> Applicability | None:
    return finding.fix.applicability if finding.fix else None


def finding_line(finding: Finding) -> str:
    mark = " [*]" if _fix_level(finding) is Applicability.SAFE else ""
    return f"{finding.path}:{finding.place}: {finding.msg_id} [{finding.symbol}] {finding.message}{mark}\n"


def summary(findings: list[Finding]) -> str:
    """``Found N findings (F fixable with `mslint fix`; U more with --unsafe-fixes).``"""
    levels = Counter(_fix_level(finding) for finding in findings)
    safe, unsafe = levels[Applicability.SAFE], levels[Applicability.UNSAFE]
    notes = [f"{safe} fixable with `mslint fix`"] if safe else []
    if unsafe:
        notes.append(f"{unsafe} more with --unsafe-fixes")
    return f"Found {len(findings)} finding{'s' * (len(findings) != 1)}" + (f" ({'; '.join(notes)})" if notes else "") + ".\n"


def render_text(findings: list[Finding], summary_line: bool = True) -> str:
    return "".join(map(finding_line, findings)) + (summary(findings) if summary_line else "")


def render_statistics(findings: list[Finding]) -> str:
    """Findings per rule, most frequent first, as ``ruff --statistics`` prints them."""
    counts = Counter((finding.msg_id, finding.symbol) for finding in findings)
    fixable = {(f.msg_id, f.symbol) for f in findings if _fix_level(f) is Applicability.SAFE}
    width = max((len(str(count)) for count in counts.values()), default=1)
    lines = [
        f"{count:>{width}}  {msg_id}  {'[*]' if (msg_id, symbol) in fixable else '   '} {symbol}\n"
        for (msg_id, symbol), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return "".join(lines) + summary(findings)


class MslintTextReporter(FindingsReporter):
    """pylint's run printed as ``mslint check`` prints it (same columns)."""

    name = "mslint-text"
    extension = "txt"

    def render(self, findings: list[Finding]) -> str:
        return render_text(findings)
