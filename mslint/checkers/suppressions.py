"""Suppressions (76xx): ``# noqa`` comments that name unknown mslint rules or suppress nothing (Ruff's RUF100)."""

from __future__ import annotations

import io
import tokenize

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from mslint.checkers.base import FamilyChecker, Span
from mslint.codes import find_code
from mslint.fixes import Applicability, Edit, Fix
from mslint.rule import Oracle, Rule, declared_rules
from mslint.suppressions import NOQA, Noqa, noqa_of

UNUSED_NOQA = Rule(
    symbol="ms-unused-noqa",
    triggers=frozenset({"module"}),
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
    found = find_code(code)
    return found is None or found.msgid not in used


class SuppressionChecker(FamilyChecker):
    """Reports ``# noqa`` comments that suppress nothing, once the other checkers are done with the module."""

    rules = declared_rules(globals())

    def open_module(self, node: nodes.Module) -> None:
        self._comments: list[tuple[Noqa, tokenize.TokenInfo]] = []

    def check_module(self, node: nodes.Module) -> None:
        source = self.source(node)
        for line, token in sorted(_comment_tokens(source.text).items()):
            noqa = noqa_of(token.string, line)
            if noqa is not None and noqa.mslint_codes():
                self._comments.append((noqa, token))

    @only_required_for_messages(UNUSED_NOQA.symbol)
    def leave_module(self, node: nodes.Module) -> None:
        key = node.file or node.name
        used_here = {line: ids for (file, line), ids in self.store.noqa_used.items() if file == key}
        for noqa, token in self._comments:
            stale = [code for code in noqa.mslint_codes() if _suppresses_nothing(code, used_here.get(noqa.line, set()))]
            if stale:
                self._report_stale(node, noqa, token, stale)
        for line in used_here:
            del self.store.noqa_used[(key, line)]

    def _why_stale(self, code: str, line: int) -> str:
        found = find_code(code)
        if found is None:
            return "unknown rule"
        return "nothing to suppress" if self.linter.is_message_enabled(found.symbol, line) else "rule not enabled"

    def _report_stale(self, module: nodes.Module, noqa: Noqa, token: tokenize.TokenInfo, stale: list[str]) -> None:
        source = self.source(module)
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
        what = ", ".join(f"{code} ({self._why_stale(code, noqa.line)})" for code in stale)
        columns = [len(line_text[:column].encode("utf-8")) for column in (token.start[1], token.end[1])]
        span = Span(noqa.line, columns[0], noqa.line, columns[1])
        fix = Fix("Remove the unused codes", (edit,))
        self.report(UNUSED_NOQA, module, ("mslint codes" if len(stale) > 1 else "mslint code", what), fix, span=span)
