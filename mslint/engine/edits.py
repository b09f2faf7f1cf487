"""Edit builders for rule authors: each returns the ``Edit``s of one change to a module's source, handling
commas, parentheses, indentation and line ends, so a rule never computes offsets itself."""

from __future__ import annotations

import itertools

from astroid import nodes

from mslint.analysis import ast_queries
from mslint.core.edits import Edit
from mslint.core.notebooks import is_notebook
from mslint.core.positions import SourceText


class EditBuilder:
    """Edits of one decoded module (``ctx.edit``)."""

    def __init__(self, source: SourceText) -> None:
        self.source = source

    def start(self, node: nodes.NodeNG) -> int:
        return ast_queries.start(self.source, node)

    def end(self, node: nodes.NodeNG) -> int:
        return ast_queries.end(self.source, node)

    def replace(self, node: nodes.NodeNG, text: str) -> Edit:
        """Replace a node's whole source range."""
        return Edit(self.start(node), self.end(node), text)

    def rename(self, node: nodes.NodeNG, name: str, new: str) -> Edit:
        """Replace the name that ends a node (``x.size``'s ``size``, ``def forward``'s ``forward``)."""
        at = ast_queries.name_offset(self.source, node, name)
        return Edit(at, at + len(name), new)

    def replace_from_name(self, call: nodes.Call, text: str) -> Edit:
        """Replace a method call from its method name to its closing parenthesis (``x.size(0)`` -> ``x.shape[0]``)."""
        func = call.func
        return Edit(self.end(func) - len(func.attrname), self.end(call), text)

    def delete_statement(self, statement: nodes.NodeNG) -> Edit:
        """Delete a statement with its whole lines when it is alone on them; the only statement of a block
        becomes ``pass``."""
        if len(_block_of(statement)) == 1:
            return self.replace(statement, "pass")
        starts = self.source.line_starts
        start = starts[statement.lineno - 1]
        end = starts[statement.end_lineno] if statement.end_lineno < len(starts) else len(self.source.text)
        after = self.source.text[self.end(statement) : end].strip()
        own_lines = self.source.text[start : self.start(statement)].strip() == "" and (after in ("", ";") or after.startswith("#"))
        return Edit(start, end, "") if own_lines else self.replace(statement, "pass")

    def add_keyword(self, call: nodes.Call, text: str) -> Edit | None:
        """Add ``text`` (``name=value``) as the call's last argument; None after ``**kwargs``."""
        if any(keyword.arg is None for keyword in call.keywords or ()):
            return None
        arguments = ast_queries.call_arguments(call)
        if not arguments:
            closing = self.source.text.index(")", self.end(call.func))
            return Edit(closing, closing, text)
        at = self.end(arguments[-1])
        return Edit(at, at, f", {text}")

    def rename_keyword(self, keyword: nodes.Keyword, target: str) -> tuple[Edit, ...] | None:
        """Rename a keyword argument; a ``"a,b"`` target splits a 2-tuple literal value over two keywords
        (``betas=(0.9, 0.99)`` -> ``beta1=0.9, beta2=0.99``), None when the value is not one."""
        start = self.start(keyword)
        if "," not in target:
            return (Edit(start, start + len(keyword.arg), target),)
        parts = target.split(",")
        value = keyword.value
        if not isinstance(value, nodes.Tuple) or len(value.elts) != len(parts):
            return None
        text = ", ".join(f"{part}={self.source.text[self.start(elt) : self.end(elt)]}" for part, elt in zip(parts, value.elts))
        return (Edit(start, self.end(keyword), text),)

    def remove_argument(self, call: nodes.Call, argument: nodes.NodeNG) -> Edit:
        """Remove one argument (positional or keyword) with its separating comma."""
        return Edit(*ast_queries.remove_argument(self.source, call, argument))

    def insert_import(self, module: nodes.Module, statement: str) -> Edit:
        """Insert an import after the module's last top-level import (at the top when there is none). A notebook's
        cells run one after another: there the import goes after the imports that come before any other code."""
        imports = [node for node in module.body if isinstance(node, (nodes.Import, nodes.ImportFrom))]
        if is_notebook(module.file or ""):  # (``pass`` stands for a neutralised magic line)
            leading = itertools.takewhile(lambda node: isinstance(node, (nodes.Import, nodes.ImportFrom, nodes.Pass)), module.body)
            imports = [node for node in leading if not isinstance(node, nodes.Pass)]
        line = imports[-1].end_lineno if imports else 0
        starts = self.source.line_starts
        at = starts[line] if line < len(starts) else len(self.source.text)
        text = statement + self.source.newline
        if at == len(self.source.text) and self.source.text and not self.source.text.endswith(("\n", "\r")):
            text = self.source.newline + statement
        return Edit(at, at, text)

    def insert_before(self, statement: nodes.NodeNG, text: str) -> Edit:
        """Insert a line holding ``text`` before a statement, at its indentation."""
        line_start = self.source.line_starts[statement.lineno - 1]
        indent = self.source.line_text(statement.lineno)[: self.source.char_column(statement.lineno, statement.col_offset)]
        return Edit(line_start, line_start, f"{indent}{text}{self.source.newline}")


def _block_of(statement: nodes.NodeNG) -> list[nodes.NodeNG]:
    """The statements of the block holding ``statement``."""
    parent = statement.parent
    for field in ("body", "orelse", "handlers", "finalbody"):
        block = getattr(parent, field, None)
        if isinstance(block, list) and statement in block:
            return block
    return [statement]
