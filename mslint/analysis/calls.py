"""Binding a call against the MindSpore signature table and the PyTorch -> MindSpore knowledge base.

Pure helpers shared by the porting rules: which MindSpore API a call resolves to, which of its
arguments that API does not accept, the MindSpore spelling of a PyTorch keyword, and the edits
that rename, split or add keywords. Nothing here imports MindSpore or PyTorch.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from astroid import nodes

from mslint.analysis import ast_queries, names, patches
from mslint.core.edits import Edit
from mslint.core.positions import SourceText
from mslint.knowledge.mappings import (
    ApiMapping,
    Param,
    load_signatures,
    load_torch_mapping,
)

# PyTorch keyword spellings and their MindSpore counterparts across the ops/nn namespaces, used when the
# knowledge base has no entry for the API: a rename is proposed only if the target parameter exists.
GENERIC_RENAMES: dict[str, tuple[str, ...]] = {
    "dim": ("axis",),
    "keepdim": ("keepdims", "keep_dims"),
    "lr": ("learning_rate",),
    "bias": ("has_bias",),
    "groups": ("group",),
    "eps": ("epsilon",),
    "negative_slope": ("alpha",),
}
_POSITIONAL = ("positional-only", "positional-or-keyword")


@dataclass(frozen=True)
class Binding:
    """What a call passes that no overload of the callee accepts."""

    keywords: tuple[nodes.Keyword, ...]
    max_positional: int | None  # set when every overload takes fewer positionals than given


def overloads(qualname: str) -> tuple[tuple[Param, ...], ...]:
    return load_signatures().overloads(qualname)


def is_class(qualname: str) -> bool:
    record = load_signatures().apis.get(qualname)
    return bool(record) and record.get("t") == "class"


def positional_names(params: tuple[Param, ...]) -> list[str]:
    return [p.name for p in params if p.kind in _POSITIONAL]


def param(params: tuple[Param, ...], name: str) -> Param | None:
    return next((p for p in params if p.name == name and p.kind not in ("var-positional", "var-keyword")), None)


def has_var_keyword(params: tuple[Param, ...]) -> bool:
    return any(p.kind == "var-keyword" for p in params)


# Namespaces of the signature table that are classes: ``Tensor.asnumpy(x)`` passes the instance positionally.
_METHOD_TABLES = frozenset({"mindspore.Tensor", "mindspore.nn.Cell", "mindspore.nn.Optimizer"})


def bind(call: nodes.Call, qualname: str) -> Binding | None:
    """Arguments of a call of a known MindSpore API that no overload names (``**kwargs`` aside: the caller
    decides); None when the signature is unknown."""
    signatures = overloads(qualname)
    if not signatures:
        return None
    instance = 1 if qualname.rpartition(".")[0] in _METHOD_TABLES else 0
    keywords = tuple(
        kw
        for kw in call.keywords or ()
        if kw.arg is not None
        and not any(param(o, kw.arg) and param(o, kw.arg).kind != "positional-only" for o in signatures)
    )
    too_many = None
    if not any(isinstance(arg, nodes.Starred) for arg in call.args):
        capacities = [None if any(p.kind == "var-positional" for p in o) else len(positional_names(o)) for o in signatures]
        if None not in capacities and len(call.args) - instance > max(capacities):
            too_many = max(capacities) + instance
    return Binding(keywords, too_many)


def passed(call: nodes.Call, params: tuple[Param, ...], name: str) -> nodes.NodeNG | None:
    """The argument a call passes for parameter ``name`` (by keyword or position)."""
    positional = positional_names(params)
    return ast_queries.argument(call, name, positional.index(name) if name in positional else None)


@functools.cache
def _mappings_to(ms_qualname: str) -> tuple[ApiMapping, ...]:
    return tuple(entry for entry in load_torch_mapping().values() if entry.ms == ms_qualname)


def mappings_to(ms_qualname: str) -> tuple[ApiMapping, ...]:
    """Knowledge-base entries whose MindSpore target is ``ms_qualname``."""
    return _mappings_to(ms_qualname)


def rename_for(ms_qualname: str, keyword: str, accepted: Iterable[str] | None = None) -> str | None:
    """The MindSpore keyword for a PyTorch one on this API: from the knowledge base, else GENERIC_RENAMES;
    ``"a,b"`` splits a tuple. Only names the signature has (``accepted``, else the signature table's) are returned."""
    accepted = set(accepted) if accepted is not None else {p.name for o in overloads(ms_qualname) for p in o}
    for entry in mappings_to(ms_qualname):
        target = entry.kwargs_change.get(keyword)
        if target and target != keyword and all(part in accepted for part in target.split(",")):
            return target
    return next((target for target in GENERIC_RENAMES.get(keyword, ()) if target in accepted), None)


def rename_edits(source: SourceText, keyword: nodes.Keyword, target: str) -> tuple[Edit, ...] | None:
    """Edits renaming ``keyword`` to ``target``; a ``"a,b"`` target needs a 2-tuple literal value."""
    start = ast_queries.start(source, keyword)
    if "," not in target:
        return (Edit(start, start + len(keyword.arg), target),)
    parts = target.split(",")
    value = keyword.value
    if not isinstance(value, nodes.Tuple) or len(value.elts) != len(parts):
        return None
    text = ", ".join(f"{part}={source.text[ast_queries.start(source, elt) : ast_queries.end(source, elt)]}" for part, elt in zip(parts, value.elts))
    return (Edit(start, ast_queries.end(source, keyword), text),)


def append_argument(source: SourceText, call: nodes.Call, text: str) -> Edit | None:
    """An edit adding ``text`` (``name=value``) as the call's last argument; None after ``**kwargs``."""
    arguments = ast_queries.call_arguments(call)
    if any(isinstance(kw, nodes.Keyword) and kw.arg is None for kw in call.keywords or ()):
        return None
    if not arguments:
        closing = source.text.index(")", ast_queries.end(source, call.func))
        return Edit(closing, closing, text)
    at = ast_queries.end(source, arguments[-1])
    return Edit(at, at, f", {text}")


def super_init_target(call: nodes.Call) -> str | None:
    """The MindSpore class ``super().__init__(...)`` runs: the direct base of the enclosing class when it is one
    (``class BatchNorm(nn.BatchNorm2d)``)."""
    func = call.func
    if not (isinstance(func, nodes.Attribute) and func.attrname == "__init__" and isinstance(func.expr, nodes.Call)):
        return None
    if not (isinstance(func.expr.func, nodes.Name) and func.expr.func.name == "super"):
        return None
    cls = names.enclosing_class(call)
    if cls is None or not cls.bases or _adapts_to_version(call.frame()):
        return None
    base = names.qualified_name(cls.bases[0])
    return base if names.is_mindspore_name(base) else None


def _adapts_to_version(function: nodes.NodeNG) -> bool:
    """The function inspects a signature at run time to pick the arguments (mindcv's compatibility Dropout)."""
    return any(names.qualified_name(call.func) == "inspect.signature" for call in ast_queries.descendants(function, nodes.Call))


def patched_names(module: nodes.Module, text: str, declared: Iterable[str]) -> frozenset[str]:
    """MindSpore names whose signature mslint should not trust in a module: those it replaces at import
    (``replaced_names``), those it inspects at run time to adapt to the installed version
    (``inspect.signature(ops.interpolate)``), and the ``patched-apis`` the user declared (or the project scan found)."""
    found = set(declared) | patches.replaced_in_source(text)
    for node in ast_queries.descendants(module, nodes.Call):
        if names.qualified_name(node.func) == "inspect.signature" and node.args:
            inspected = names.qualified_name(node.args[0])
            if names.is_mindspore_name(inspected):
                found.add(inspected)
    return frozenset(found)


# A file that uses PyTorch on purpose next to MindSpore: it reads PyTorch weights into MindSpore, or compares
# results of both frameworks.
_WEIGHT_READS = frozenset({"torch.load"})
_MINDSPORE_WEIGHT_WRITES = frozenset({"mindspore.save_checkpoint", "mindspore.load_param_into_net", "mindspore.train.serialization.save_checkpoint"})
_COMPARISONS = frozenset({
    "numpy.allclose", "numpy.isclose", "numpy.array_equal", "numpy.testing.assert_allclose",
    "numpy.testing.assert_almost_equal", "numpy.testing.assert_array_almost_equal", "numpy.testing.assert_array_equal",
})
_BRIDGE_FILE_WORDS = ("convert", "conver_", "pth2ckpt", "pt2ms", "torch2ms", "torch_to_ms", "pth_to_ckpt", "align", "compare")
_BRIDGE_FOLDERS = frozenset({"align", "alignment", "compare", "convert", "converter", "conversion"})


_TORCH_FROM_NUMPY = frozenset({"torch.tensor", "torch.from_numpy", "torch.as_tensor", "torch.Tensor"})


def is_numpy_bridge(call: nodes.Call, name: str) -> bool:
    """``torch.tensor(x.numpy())``: a tensor handed to PyTorch on purpose (``ms_tensor2pt_tensor`` helpers), its
    argument a ``.numpy()``/``.asnumpy()`` call or a name assigned from one."""
    if name not in _TORCH_FROM_NUMPY or not call.args:
        return False
    value = call.args[0]
    if isinstance(value, nodes.Name):
        statements = ast_queries.bindings(value)
        if statements is None:
            return False
        assigned = [s.parent.value for s in statements if isinstance(s, nodes.AssignName) and isinstance(s.parent, nodes.Assign)]
        value = assigned[0] if len(assigned) == 1 == len(statements) else value
    return isinstance(value, nodes.Call) and isinstance(value.func, nodes.Attribute) and value.func.attrname in ("numpy", "asnumpy")


def is_bridge_script(module: nodes.Module) -> bool:
    """A weight converter (``torch.load`` and a MindSpore checkpoint write or ``load_param_into_net``), an alignment
    script (a numeric comparison such as ``np.allclose`` in a file using both frameworks), or a file whose name
    says it converts or compares (``convert_weight.py``, ``pth2ckpt.py``, ``test/align/...``)."""
    called = {names.qualified_name(call.func) for call in ast_queries.descendants(module, nodes.Call)}
    if called & _WEIGHT_READS and called & _MINDSPORE_WEIGHT_WRITES or called & _COMPARISONS:
        return True
    path = (module.file or "").replace("\\", "/").lower().split("/")
    return any(word in path[-1] for word in _BRIDGE_FILE_WORDS) or (len(path) > 1 and path[-2] in _BRIDGE_FOLDERS)


def positional_compatible(entry: ApiMapping, count: int) -> bool:
    """Whether the first ``count`` positional arguments mean the same in torch and MindSpore."""
    if count == 0:
        return True
    if entry.torch_args is None or entry.ms_args is None:
        return False
    if entry.torch_args[:1] == entry.ms_args[:1] and entry.torch_args[0].startswith("*"):
        return True
    if count > len(entry.torch_args) or count > len(entry.ms_args):
        return False
    return all(entry.kwargs_change.get(t, t) == m for t, m in zip(entry.torch_args[:count], entry.ms_args[:count]))


@dataclass(frozen=True)
class Mismatch:
    """Why no overload of a callee takes a call's arguments (each field empty when it is not the reason)."""

    unknown: tuple[nodes.Keyword, ...]  # keywords no overload names
    max_positional: int | None  # every overload takes fewer positional arguments: the most one takes
    duplicate: tuple[nodes.Keyword, ...]  # keywords naming a parameter a positional argument fills, in every overload
    missing: tuple[str, ...]  # required parameters nothing fills, when that is the only failure (one overload)

    @property
    def combination(self) -> bool:
        """Each argument is taken by some overload, but no overload takes them all together."""
        return not (self.unknown or self.max_positional is not None or self.duplicate or self.missing)


def _failures(params: tuple[Param, ...], count: int, keywords: list[tuple[str, object]], starred: bool, double_starred: bool) -> set[tuple[str, object]]:
    """Why one overload does not bind ``count`` positional arguments and ``keywords`` ((name, node) pairs):
    ``("too-many", capacity)``, ``("unknown", node)``, ``("duplicate", node)``, ``("missing", names)``."""
    positional = positional_names(params)
    failures: set[tuple[str, object]] = set()
    if not starred and not any(p.kind == "var-positional" for p in params) and count > len(positional):
        failures.add(("too-many", len(positional)))
    filled = set(positional if starred else positional[: max(count, 0)])
    takes_any = has_var_keyword(params)
    for name, node in keywords:
        target = param(params, name)
        if target is None and any(p.kind == "var-positional" and p.name == name for p in params):
            continue  # C++ Tensor methods documented as ``squeeze(*axis)`` take ``axis=`` too (runs on 2.10)
        if target is None or target.kind == "positional-only":
            if not takes_any:
                failures.add(("unknown", node))
        elif name in filled and not starred:
            failures.add(("duplicate", node))
        filled.add(name)
    if not starred and not double_starred:
        missing = tuple(p.name for p in params if p.default is None and p.kind in _REQUIRED and p.name not in filled)
        if missing:
            failures.add(("missing", missing))
    return failures


def binds(overloads: tuple[tuple[Param, ...], ...], count: int, keywords: Iterable[str]) -> bool:
    """Whether an overload takes ``count`` positional arguments and these keywords."""
    pairs = [(name, name) for name in keywords]
    return any(not _failures(params, count, pairs, False, False) for params in overloads)


_REQUIRED = ("positional-only", "positional-or-keyword", "keyword-only")


def mismatch(call: nodes.Call, overloads: tuple[tuple[Param, ...], ...], offset: int = 0) -> Mismatch | None:
    """How a call fails to bind every overload of its callee (overloads are tried as MindSpore's dispatch does:
    one of them must take every argument); None when one binds, or when there is no overload to judge by."""
    if not overloads:
        return None
    starred = any(isinstance(arg, nodes.Starred) for arg in call.args)
    double_starred = any(kw.arg is None for kw in call.keywords or ())
    keywords = [(kw.arg, kw) for kw in call.keywords or () if kw.arg is not None]
    per_overload = [_failures(params, len(call.args) - offset, keywords, starred, double_starred) for params in overloads]
    if any(not failures for failures in per_overload):
        return None

    def everywhere(kind: str) -> list[object]:
        found = [{value for name, value in failures if name == kind} for failures in per_overload]
        return sorted(set.intersection(*found), key=lambda value: getattr(value, "col_offset", 0)) if found else []

    capacities = [value for failures in per_overload for name, value in failures if name == "too-many"]
    too_many = max(capacities) + offset if len(capacities) == len(per_overload) else None
    missing: tuple[str, ...] = ()
    if len(overloads) == 1 and {name for name, _ in per_overload[0]} == {"missing"}:
        missing = next(value for name, value in per_overload[0] if name == "missing")
    return Mismatch(tuple(everywhere("unknown")), too_many, tuple(everywhere("duplicate")), missing)


PARTIAL = "functools.partial"


def prepared_call(call: nodes.Call) -> nodes.Call | None:
    """``functools.partial(nn.Dropout, keep_prob=0.3)`` seen as the call it prepares, ``nn.Dropout(keep_prob=0.3)``:
    a call node of the partial's first argument with its other arguments (their positions and edits are those of
    the partial call)."""
    if names.qualified_name(call.func) != PARTIAL or not call.args or isinstance(call.args[0], nodes.Starred):
        return None
    prepared = nodes.Call(
        lineno=call.lineno, col_offset=call.col_offset, end_lineno=call.end_lineno, end_col_offset=call.end_col_offset,
        parent=call.parent,
    )
    prepared.postinit(func=call.args[0], args=call.args[1:], keywords=call.keywords)
    return prepared
