"""Suppressions (76xx): ``# noqa`` comments that name unknown mslint rules or suppress nothing (Ruff's RUF100)."""

from __future__ import annotations

import io
import tokenize

from astroid import nodes

from mslint.core.edits import Applicability, Edit, Fix
from mslint.core.noqa import NOQA, Noqa, code_named, noqa_of
from mslint.engine.checker import FamilyChecker
from mslint.engine.context import ModuleContext, Span
from mslint.engine.rule import Oracle, Rule, declared_rules


def _comment_tokens(text: str) -> dict[int, tokenize.TokenInfo]:
    """Line -> its comment token (so ``# noqa`` inside a string is not a comment)."""
    try:
        return {
            token.start[0]: token
            for token in tokenize.generate_tokens(io.StringIO(text).readline)
            if token.type == tokenize.COMMENT
        }
    except (tokenize.TokenError, SyntaxError):
        return {}


def _suppresses_nothing(code: str, used: set[str]) -> bool:
    """An unknown code, or one whose rule reported nothing on the line (the ids used there)."""
    found = code_named(code)
    return found is None or found.msgid not in used


def _why_stale(ctx: ModuleContext, code: str, line: int) -> str:
    found = code_named(code)
    if found is None:
        return "unknown rule"
    return "nothing to suppress" if ctx.linter.is_message_enabled(found.symbol, line) else "rule not enabled"


def check_unused_noqa(ctx: ModuleContext, module: nodes.Module) -> None:
    for line, token in sorted(_comment_tokens(ctx.source.text).items()):
        noqa = noqa_of(token.string, line)
        if noqa is None or not noqa.mslint_codes():
            continue
        stale = [code for code in noqa.mslint_codes() if _suppresses_nothing(code, ctx.noqa_used.get(noqa.line, set()))]
        if stale:
            _report_stale(ctx, module, noqa, token, stale)


def _report_stale(ctx: ModuleContext, module: nodes.Module, noqa: Noqa, token: tokenize.TokenInfo, stale: list[str]) -> None:
    source = ctx.source
    line_start, line_text = source.line_starts[noqa.line - 1], source.line_text(noqa.line)
    match = NOQA.search(token.string)
    kept = [code for code in noqa.codes if code not in stale]
    start, end = token.start[1] + match.start(), token.start[1] + match.end()
    if kept:
        edit = Edit(line_start + start, line_start + end, f"# noqa: {', '.join(kept)}")
    else:  # the whole "# noqa: ...", and the blanks before it when nothing else precedes the next comment
        rest = token.string[match.end() :]
        if rest.strip():
            end += len(rest) - len(rest.lstrip())
        else:
            start = len(line_text[:start].rstrip())
        edit = Edit(line_start + start, line_start + end, "")
    what = ", ".join(f"{code} ({_why_stale(ctx, code, noqa.line)})" for code in stale)
    columns = [len(line_text[:column].encode("utf-8")) for column in (token.start[1], token.end[1])]
    span = Span(noqa.line, columns[0], noqa.line, columns[1])
    fix = Fix("Remove the unused codes", (edit,))
    ctx.report(UNUSED_NOQA, module, ("mslint codes" if len(stale) > 1 else "mslint code", what), fix, span=span)


UNUSED_NOQA = Rule(
    symbol="ms-unused-noqa",
    node=nodes.Module,
    check=check_unused_noqa,
    after_findings=True,
    message="Unused `# noqa` for %s: %s",
    summary="A `# noqa` comment names an unknown mslint rule or suppresses no mslint finding (off by default).",
    what=(
        "Checks `# noqa: <codes>` comments for codes that look like mslint's (`E7203`, `ms-...`) but name no rule, "
        "and for mslint rules that report nothing on that line (not enabled, or nothing to suppress), as Ruff's "
        "RUF100 does. Bare `# noqa` and other tools' "
        "codes (`F401`) are left alone. Off by default: enable it with `--extend-select ms-unused-noqa`."
    ),
    why=(
        "A stale or misspelt suppression hides nothing today and will hide a real finding tomorrow; an unknown "
        "code (`# noqa: ms-unsuported-inplace`) suppresses nothing at all while looking as if it did."
    ),
    fix=Applicability.SAFE,
    fix_safety="Removes the unknown or unused codes from the comment, or the whole comment when none is left; "
    "the code itself is unchanged.",
    default_enabled=False,
    oracle=Oracle.NONE,
    oracle_detail="a rule about comments: the code runs the same with or without them",
)


class SuppressionChecker(FamilyChecker):
    """Reports ``# noqa`` comments that suppress nothing, once the other rules have reported on the module."""

    rules = declared_rules(__name__, globals())
