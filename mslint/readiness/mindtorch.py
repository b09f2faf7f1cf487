"""The MindTorch route in the readiness report: each PyTorch use by its status in MSAdapter's support tables, the
usage limits the code runs into, what the route costs, and which route to take (see docs/readiness.md)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from astroid import nodes

from mslint.analysis import names
from mslint.knowledge.mindtorch import BETA, LAYER_STATUSES, NOT_LISTED, NOT_SUPPORTED, STABLE, load_layer_support, torch_name
from mslint.readiness.effort import OVERRIDES, TENSOR_LIKELIHOOD, WEIGHTS, hours
from mslint.readiness.uses import TENSOR, Use
from mslint.rules.mindtorch.constraints import limit_text, usage_limit
from mslint.rules.mindtorch.layer import describe, source
from mslint.rules.mindtorch.support import TABLE_PAGES, changed_defaults, unsupported_keywords

# Units of effort per use on the MindTorch route, by its status in the tables: a Stable API runs as it is; a Beta one
# and one the tables do not list are to be checked on the layer; one it does not support is code to rewrite.
LAYER_WEIGHTS = {STABLE: 0.0, BETA: 1.0, NOT_LISTED: 1.0, NOT_SUPPORTED: 8.0}
# Each usage limit met: an argument to drop or a default to pass, else code to restructure (a training step).
LIMIT_WEIGHTS = {"unsupported-argument": 2.0, "default-differs": 1.0}
CONSTRAINT_WEIGHT = 4.0
OVERVIEW = TABLE_PAGES[0]


@dataclass(frozen=True)
class LayerLimit:
    """A usage the MindTorch route meets: a usage limit of the overview (its id), an unsupported argument or a
    changed default."""

    path: str
    line: int
    column: int
    kind: str
    code: str
    what: str
    doc: str


def layer_status(api: str, possibly_tensor: bool) -> tuple[str, str]:
    """(status in the tables, why when it is not a row's own) of a ``torch.*`` use. A Tensor member the overview
    says the layer gives PyTorch's meaning is Beta (implemented, untested) whatever the Tensor table says; an API a
    usage limit documents (``DataLoader``) is Beta within its module's Not Support."""
    tables = load_layer_support()
    entry = tables.lookup(api)
    member = api.rsplit(".", 1)[1]
    if possibly_tensor and api.startswith("torch.Tensor.") and member in tables.mixing_members and (entry is None or entry.status == NOT_SUPPORTED):
        return BETA, "the overview lists it among the mindspore.Tensor members the layer gives PyTorch's meaning"
    if entry is None:
        return NOT_LISTED, ""
    if entry.module is not None and any(api in constraint.apis for constraint in tables.constraints.values()):
        return BETA, "its module is Not Support, but the overview documents its use (see the usage limits)"
    return entry.status, ""


def layer_limits(found: Iterable[nodes.NodeNG], path: str, api: Callable[[nodes.NodeNG], str | None]) -> Iterator[LayerLimit]:
    """The usage limits, unsupported arguments and changed defaults of a module's nodes, ``api`` giving the
    ``torch.*`` name an expression reaches."""
    tables = load_layer_support()
    for node in found:
        if not isinstance(node, (nodes.Call, nodes.With, nodes.Name, nodes.Attribute)):
            continue
        limit = usage_limit(node, api)
        if limit is not None:
            yield LayerLimit(path, limit.node.lineno, limit.node.col_offset, limit.constraint, limit.code, limit_text(limit.constraint), OVERVIEW)
        if not isinstance(node, nodes.Call):
            continue
        name = api(node.func)
        entry = tables.lookup(name) if name else None
        for keyword in unsupported_keywords(node, entry):
            yield LayerLimit(path, keyword.lineno, keyword.col_offset, "unsupported-argument", f"{name}({keyword.arg}=...)",
                             f"not supported by the layer ({source(entry)}: {describe(entry)})", entry.source)
        for argument, layer_default, torch_does in changed_defaults(node, name, entry) if name else ():
            yield LayerLimit(path, node.lineno, node.col_offset, "default-differs", f"{name}(...) without {argument}",
                             f"the layer's default is {layer_default}, where {torch_does}: pass it", entry.source)


def torch_api(imported: set[str]) -> Callable[[nodes.NodeNG], str | None]:
    """The ``torch.*`` name an expression reaches through the module's imports, layer names read as PyTorch's."""

    def api(node: nodes.NodeNG) -> str | None:
        root = node
        while isinstance(root, nodes.Attribute):
            root = root.expr
        name = names.qualified_name(node) if isinstance(root, nodes.Name) and root.name in imported else None
        return torch_name(name) or (name if names.is_torch_name(name) else None)

    return api


def use_effort(use: Use) -> float:
    """A use's units on the MindTorch route: its status's weight, or the native change when the knowledge base says
    that is cheaper (``torch._assert`` -> ``assert``: plain Python either way); halved for a possible Tensor method."""
    weight = LAYER_WEIGHTS[use.layer]
    if use.layer == NOT_SUPPORTED and use.api in OVERRIDES:
        weight = min(weight, WEIGHTS[OVERRIDES[use.api].change])
    return (TENSOR_LIKELIHOOD if use.status == TENSOR else 1.0) * weight


def limit_effort(limit: LayerLimit) -> float:
    return LIMIT_WEIGHTS.get(limit.kind, CONSTRAINT_WEIGHT)


def _covered(limits: Iterable[LayerLimit]) -> set[tuple[str, int, int, str]]:
    """(path, line, column, API) of the uses a usage limit met at the same place already costs (``x.to(device)``)."""
    constraints = load_layer_support().constraints
    return {(limit.path, limit.line, limit.column, api) for limit in limits if limit.kind in constraints
            for api in constraints[limit.kind].apis}


def effort(uses: Iterable[Use], limits: Sequence[LayerLimit]) -> float:
    """Units of the MindTorch route: every ``torch.*`` use and usage limit (a use its limit costs counted once)."""
    covered = _covered(limits)
    charged = [use for use in uses if use.layer and (use.path, use.line, use.column, use.api) not in covered]
    return round(sum(map(use_effort, charged)) + sum(map(limit_effort, limits)), 1)


def _blockers(uses: Sequence[Use], limits: Sequence[LayerLimit], location: Callable) -> list[dict[str, object]]:
    """Uses the layer does not support (by API) and usage limits (by kind), most effort first, with every place."""
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    for use in uses:
        if use.layer == NOT_SUPPORTED:
            grouped[(use.api, NOT_SUPPORTED)].append(use)
    for limit in limits:
        grouped[(limit.code if limit.kind in LIMIT_WEIGHTS else limit.kind, limit.kind)].append(limit)
    rows = []
    for (name, kind), items in grouped.items():
        first = items[0]
        if isinstance(first, Use):
            entry = load_layer_support().lookup(first.api)
            what = (f"the module {entry.module} is not supported" if entry.module else f"Not Support ({source(entry)})") + (
                f"; possibly a Tensor method" if first.status == TENSOR else "")
            doc, cost = entry.source, sum(map(use_effort, items))
        else:
            what, doc, cost = first.what, first.doc, sum(map(limit_effort, items))
        rows.append({"name": name, "kind": kind, "effort": round(cost, 1), "count": len(items),
                     "files": len({item.path for item in items}), "what": what, "doc": doc, "places": [location(item) for item in items]})
    return sorted(rows, key=lambda row: (-row["effort"], row["name"]))


def route_report(uses: Sequence[Use], limits: Sequence[LayerLimit], native_effort: float, current: dict[str, object],
                 mindspore_version: str, location: Callable) -> dict[str, object]:
    """Both routes side by side, and the recommendation."""
    torch_uses = [use for use in uses if use.layer]
    resolved = [use for use in torch_uses if use.status != TENSOR]
    tensor = [use for use in torch_uses if use.status == TENSOR]
    layer_effort = effort(torch_uses, limits)
    tables = load_layer_support()
    blockers = _blockers(torch_uses, limits, location)
    installs = [{"package": found.spec, "imports": found.imports, "error": found.error} for found in tables.importable_beside(mindspore_version)]
    mindtorch = {
        "effort": layer_effort, **hours(layer_effort),
        "by_status": _counts(resolved), "tensor_methods": _counts(tensor),
        "limits": dict(sorted(Counter(limit.kind for limit in limits).items())),
        "not_supported_apis": len({use.api for use in resolved if use.layer == NOT_SUPPORTED}),
        "tables": {"layer": tables.version, "torch": tables.torch_version, "pages": tables.docs},
        "installs": installs,
        "blockers": blockers,
    }
    native = {"effort": native_effort, **hours(native_effort)}
    return {"current": current, "native": native, "mindtorch": mindtorch,
            "recommendation": recommendation(native, mindtorch, mindspore_version)}


def _counts(uses: Iterable[Use]) -> dict[str, int]:
    counted = Counter(use.layer for use in uses)
    return {status: counted[status] for status in LAYER_STATUSES}


def days(value: float) -> str:
    """Days as a lead reads them: whole days from 10 on."""
    return f"{value:.0f}" if value >= 10 else f"{value:g}"


def recommendation(native: dict, mindtorch: dict, mindspore_version: str) -> str:
    """One line a team lead can act on: the route to take, its estimate against the other's, what it leaves to do.
    MindTorch is advised when it costs at most half the native port: the layer is tied to the MindSpore versions whose
    internals it imports, and its results need a check against PyTorch's, which the estimate does not count."""
    if not native["effort"] and not mindtorch["effort"]:
        return "Nothing to port: no PyTorch API use found."
    version = ".".join(mindspore_version.split(".")[:2])
    failing = [found["package"] for found in mindtorch["installs"] if not found["imports"]]
    caveat = (f"; no PyPI torch layer imports beside MindSpore {version} ({', '.join(failing)} fail), so MindTorch also means "
              "pinning the MindSpore version the layer is built for" if failing and len(failing) == len(mindtorch["installs"]) else "")
    unsupported = mindtorch["by_status"][NOT_SUPPORTED] + mindtorch["tensor_methods"][NOT_SUPPORTED]
    top = ", ".join(row["name"] for row in mindtorch["blockers"][:3])
    left = (f"{unsupported} uses the layer does not support and {sum(mindtorch['limits'].values())} usage limits (top: {top})"
            if mindtorch["blockers"] else "nothing the tables mark unsupported")
    native_days, layer_days = days(native["days"]), days(mindtorch["days"])
    if mindtorch["effort"] * 2 <= native["effort"]:
        return f"Try the MindTorch route first (about {layer_days} days against {native_days} for a native port): it leaves {left}{caveat}."
    if mindtorch["effort"] < native["effort"]:
        return (f"Port natively (about {native_days} days): MindTorch, at about {layer_days} days, saves too little for a layer "
                f"tied to MindSpore's versions, and it leaves {left}{caveat}.")
    return f"Port natively (about {native_days} days): the MindTorch route would take longer (about {layer_days} days) and leaves {left}{caveat}."
