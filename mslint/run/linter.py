"""The pylint linter of mslint's own runs (``mslint check``/``fix``/``readiness`` and the language server).

It is pylint's, except for a module's token list. pylint builds the list of every token and holds it while the
tree is walked; for a 5 MB file that is 1.5 million tuples (about 400 MB) next to the tree. Here the list is
dropped before the walk, and for a file over 1 MB, unless a token checker runs (mslint has none; pylint's own
are off in mslint's runs), it holds only what pylint's pragma handling reads (picking those out costs about
0.6 µs a token: not worth it for ordinary files).
"""

from __future__ import annotations

import functools
import io
import re
import tokenize
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import astroid
from astroid import nodes
from astroid.builder import AstroidBuilder
from pylint.interfaces import HIGH
from pylint.lint import PyLinter, Run

from mslint.core.notebooks import is_notebook
from mslint.core.positions import decode_source
from mslint.core.settings import Settings
from mslint.engine.checker import store_of
from mslint.run.repair import Repair, repaired

_PRAGMA_TOKEN_TYPES = frozenset({tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE})
LARGE_SOURCE_BYTES = 1_000_000
_BARE_CR = re.compile(rb"\r(?!\n)")
REPAIR_ATTRIBUTE = "mslint_repair"  # set on a module built from a repaired source (mslint.run.repair)


def repair_of(module: nodes.Module) -> Repair | None:
    """How a module's source was repaired to be parsed (None: it parsed as it is)."""
    return getattr(module, REPAIR_ATTRIBUTE, None)


def pragma_tokens(tokens: Iterable[tokenize.TokenInfo]) -> Iterator[tokenize.TokenInfo]:
    """The tokens pylint's pragma handling reads (``# pylint: disable=...``): comments, line ends, and the first
    token of each line (where it notes that a line began). Its result is the same as from every token."""
    line = None
    for token in tokens:
        if token.type in _PRAGMA_TOKEN_TYPES or token.start[0] != line:
            yield token
        line = token.start[0]


def module_tokens(module: nodes.Module, every: bool) -> list[tokenize.TokenInfo]:
    """A module's tokens: all of them when ``every`` is true or the source is small, else those pragma handling
    reads."""
    with module.stream() as stream:
        source = _BARE_CR.sub(b"\n", stream.read())  # since Python 3.12 tokenize rejects a bare CR line end
    tokens = tokenize.tokenize(io.BytesIO(source).readline)
    return list(tokens if every or len(source) <= LARGE_SOURCE_BYTES else pragma_tokens(tokens))


class MslintLinter(PyLinter):
    """pylint's linter with a lighter token list, and the settings of mslint's run resolved beforehand."""

    def __init__(self, *args: Any, preset_settings: Settings | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.preset_settings = preset_settings

    def get_ast(self, filepath: str, modname: str, data: str | None = None) -> nodes.Module | None:
        """pylint's, except that a file (or buffer: ``data``) that does not parse is reported and checked with its
        offending statements neutralised (``mslint.run.repair``); pylint reports any other failure. A notebook file
        is read as its code cells joined into one module (``run.notebooks``)."""
        if data is None and is_notebook(filepath):
            from mslint.run.notebooks import notebook_module

            return notebook_module(self, filepath, modname)
        try:
            if data is None:
                return astroid.MANAGER.ast_from_file(filepath, modname, source=True)
            return AstroidBuilder(astroid.MANAGER).string_build(data, modname, filepath)
        except astroid.AstroidSyntaxError:
            module = self._repaired_ast(filepath, modname, data)
            if module is not None:
                return module
        except Exception:  # pylint: disable=broad-except  # pylint's get_ast reports it (building again)
            pass
        return super().get_ast(filepath, modname, data)

    def _repaired_ast(self, filepath: str, modname: str, data: str | None) -> nodes.Module | None:
        """The module of a repaired source, its syntax error reported; None when it cannot be repaired."""
        try:
            text, encoding = (data, "utf-8") if data is not None else decode_source(Path(filepath).read_bytes())
        except (OSError, SyntaxError, LookupError, UnicodeDecodeError):
            return None
        repair = repaired(text)
        if repair is None:
            return None
        module = AstroidBuilder(astroid.MANAGER).string_build(repair.text, modname, filepath)
        module.file_bytes = repair.text.encode(encoding)  # read back (tokens, the rules' source) as it was checked
        setattr(module, REPAIR_ATTRIBUTE, repair)
        line = repair.error.lineno or 1
        self.add_message("syntax-error", line=line, col_offset=max((repair.error.offset or 1) - 1, 0), args=repair.message(), confidence=HIGH)
        return module

    def _check_astroid_module(self, node: nodes.Module, walker: Any, rawcheckers: list[Any], tokencheckers: list[Any]) -> bool | None:
        """pylint's own (4.x), except the token list (see the module's docstring)."""
        try:
            tokens = module_tokens(node, every=bool(tokencheckers))
        except tokenize.TokenError as error:
            self.add_message("syntax-error", line=error.args[1][0], col_offset=error.args[1][1], args=error.args[0], confidence=HIGH)
            return None
        if not node.pure_python:
            self.add_message("raw-checker-failed", args=node.name)
        else:
            self.process_tokens(tokens)
            if self._ignore_file:
                return False
            for raw_checker in rawcheckers:
                raw_checker.process_module(node)
            for token_checker in tokencheckers:
                token_checker.process_tokens(tokens)
        del tokens  # the walk does not read them
        walker.walk(node)
        if repair_of(node) is not None and node.file:  # no fix for a file that does not parse
            fixes = store_of(self).fixes
            for key in [key for key in fixes if key[0] == node.file]:
                del fixes[key]
        return True


class MslintRun(Run):
    """pylint's ``Run`` with ``MslintLinter`` given the run's settings (None: read from the options, as pylint's)."""

    def __init__(self, args: list[str], settings: Settings | None = None, **kwargs: Any) -> None:
        self.LinterClass = functools.partial(MslintLinter, preset_settings=settings)
        super().__init__(args, **kwargs)
