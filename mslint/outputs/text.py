"""``mslint check`` text output (also ``pylint --output-format=mslint-text``): one line per finding with a
1-based character column, as in every mslint output, then a summary; ``--statistics`` counts per rule."""

from __future__ import annotations

from collections import Counter

from mslint.core.edits import Applicability
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


FIX_LABELS = {Applicability.SAFE: "", Applicability.UNSAFE: " (unsafe: --unsafe-fixes)", Applicability.DISPLAY_ONLY: " (suggestion, not applied)"}


def fix_line(finding: Finding) -> str:
    """The line under a finding that names its fix (``--show-fixes``), or nothing."""
    fix = finding.fix
    return f"    fix: {fix.title}{FIX_LABELS[fix.applicability]}\n" if fix else ""


def render_text(findings: list[Finding], summary_line: bool = True, show_fixes: bool = False) -> str:
    lines = (finding_line(finding) + (fix_line(finding) if show_fixes else "") for finding in findings)
    return "".join(lines) + (summary(findings) if summary_line else "")


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

