"""PyTorch APIs in code the layer serves, against MSAdapter's support tables: APIs it does not support, APIs it
supports as Beta, arguments it does not take, defaults it changes."""

from __future__ import annotations

from astroid import nodes

from mslint.analysis import ast_queries
from mslint.engine.context import ModuleContext
from mslint.engine.rule import Oracle, Rule
from mslint.knowledge.mindtorch import BETA, NOT_SUPPORTED, STABLE, LayerEntry
from mslint.rules.mindtorch.layer import callee, describe, reference, source, support

MSADAPTER_DOCS = "https://www.mindspore.cn/msadapter/docs/zh-CN/master/note"
TABLE_PAGES = tuple(f"{MSADAPTER_DOCS}/pytorch_api_supporting_{page}.html" for page in ("overview", "torch", "torch_nn", "nn_functional", "tensor", "optim"))
ORACLE = (
    "no torch layer imports beside MindSpore 2.10: PyPI's mindtorch 0.4.0 and msadapter 0.1.0 fail at import, see "
    "docs/mindtorch.md; source: MSAdapter's published support tables, mindspore-ai/docs master 9e844dc65dc5"
)


def _documented_use(name: str) -> bool:
    """An API a usage limit of the overview names (``DataLoader`` with ``pin_memory=False``): usable within it."""
    return any(name in constraint.apis for constraint in support().constraints.values())


def check_unsupported_api(ctx: ModuleContext, node: nodes.Name | nodes.Attribute) -> None:
    found = reference(ctx, node)
    if found is None or found[1] is None or found[1].status != NOT_SUPPORTED:
        return
    name, entry = found
    if entry.module is not None and _documented_use(name):
        return
    why = f"the module {entry.module} is not supported" if entry.module else f"Not Support in the {entry.section} table"
    ctx.report(UNSUPPORTED_API, node, (name, why, source(entry)))


UNSUPPORTED_API = Rule(
    symbol="ms-mindtorch-unsupported-api",
    node=(nodes.Name, nodes.Attribute),
    check=check_unsupported_api,
    message="%s is not supported by MindTorch: %s (%s)",
    summary="A PyTorch API that MindTorch (MSAdapter) does not support, in code the layer serves.",
    what=(
        "Checks files the torch layer serves (they import `msadapter.pytorch` / `mindtorch.torch`, or the project "
        "routes `import torch` to the layer: `mstorch_enable`, MindNLP's proxy, `route = \"mindtorch\"`) for "
        "references to PyTorch APIs that MSAdapter's published support tables list as *Not Support*, or that belong "
        "to a module its overview lists as not supported (`torch.linalg`, `torch.nn.init`, `torch.utils.data`, "
        "`torch.cuda`, `torch.jit` ...). An API a documented usage limit names (`DataLoader` with `pin_memory=False`) "
        "is left to `ms-mindtorch-constraint`. Tensor methods are not checked: the receiver's type is not known, "
        "and the Tensor table lists 509 of its 526 methods as Not Support, among them 38 members (`shape`, `size`, "
        "`view`, `reshape` ...) its own overview says the layer gives PyTorch's meaning."
    ),
    why=(
        "An API the layer does not implement fails when the code runs on MindSpore (an `AttributeError` on the layer's "
        "module, or an error inside it). The tables describe MSAdapter against PyTorch 2.1 (mindspore-ai/docs master "
        "9e844dc65dc5, 2025-06); projects written for msadapter 0.1 or mindtorch 0.4 (PyPI) may see other gaps."
    ),
    oracle=Oracle.NONE,
    oracle_detail=ORACLE,
    references=TABLE_PAGES,
)


def check_beta_api(ctx: ModuleContext, node: nodes.Name | nodes.Attribute) -> None:
    found = reference(ctx, node)
    if found is not None and found[1] is not None and found[1].status == BETA:
        described = describe(found[1])
        ctx.report(BETA_API, node, (found[0], f"; {described}" if described else "", source(found[1])))


BETA_API = Rule(
    symbol="ms-mindtorch-beta-api",
    node=(nodes.Name, nodes.Attribute),
    check=check_beta_api,
    message="%s is Beta in MindTorch: implemented but not tested, arguments may differ from PyTorch's%s (%s)",
    summary="A PyTorch API that MindTorch (MSAdapter) supports as Beta.",
    what=(
        "Checks files the torch layer serves for references to PyTorch APIs that MSAdapter's support tables list as "
        "*Beta* (`nn.Conv2d`, `torch.zeros`, `optim.Adam` ...), with the table's constraint cell (data types, "
        "arguments). Off by default: enable it (`--extend-select ms-mindtorch-beta-api`) to list what to test first."
    ),
    why=(
        "The tables define Beta as \"implemented, not tested, arguments may differ\": results are not promised to match "
        "PyTorch's, so these calls are where a numerical comparison with the PyTorch run should start."
    ),
    default_enabled=False,
    oracle=Oracle.NONE,
    oracle_detail=ORACLE,
    references=TABLE_PAGES,
)


def unsupported_keywords(call: nodes.Call, entry: LayerEntry | None) -> list[nodes.Keyword]:
    """The keywords a call of a Stable or Beta API passes that its constraint cell lists as not supported."""
    if entry is None or entry.status not in (STABLE, BETA):
        return []
    return [keyword for keyword in call.keywords or () if keyword.arg in entry.unsupported_args]


def check_unsupported_argument(ctx: ModuleContext, call: nodes.Call) -> None:
    found = callee(ctx, call)
    for keyword in unsupported_keywords(call, found[1]) if found else ():
        ctx.report(UNSUPPORTED_ARGUMENT, keyword, (found[0], keyword.arg, source(found[1])))


UNSUPPORTED_ARGUMENT = Rule(
    symbol="ms-mindtorch-unsupported-argument",
    node=nodes.Call,
    check=check_unsupported_argument,
    message="%s(%s=...): MindTorch does not support this argument (%s)",
    summary="A keyword argument that MindTorch (MSAdapter) does not support on an API it otherwise supports.",
    what=(
        "Checks calls of Stable and Beta APIs in files the torch layer serves for keyword arguments that the API's "
        "constraint cell lists as not supported (`torch.zeros(..., layout=...)`, `nn.Conv2d(..., device=...)`, "
        "`optim.Adam(..., foreach=True)`, `out=` on most functions). Arguments the cell says are accepted without "
        "effect are not reported."
    ),
    why="The layer's implementation does not take the argument: the call raises, or the argument's effect is lost.",
    oracle=Oracle.NONE,
    oracle_detail=ORACLE,
    references=TABLE_PAGES,
)

# Defaults the layer changes that give another result when the call leaves them out (checked with PyTorch by
# tests/oracle/test_mindtorch_rules.py); (API, argument) -> its position and what PyTorch does instead.
CHANGED_DEFAULTS = {
    ("torch.flatten", "start_dim"): (1, "PyTorch flattens from dim 0"),
    ("torch.nn.functional.log_softmax", "dim"): (1, "PyTorch picks an implicit dim: 0 for 1-D and 3-D input, 1 otherwise"),
}


def changed_defaults(call: nodes.Call, name: str, entry: LayerEntry | None) -> list[tuple[str, str | None, str]]:
    """(argument, the layer's default, what PyTorch does) for each changed default a call of ``name`` leaves out."""
    if entry is None or any(isinstance(arg, nodes.Starred) for arg in call.args) or any(keyword.arg is None for keyword in call.keywords or ()):
        return []  # *args / **kwargs may pass it
    found = []
    for argument, _, layer_default in entry.defaults_diff:
        changed = CHANGED_DEFAULTS.get((name, argument))
        if changed is not None and ast_queries.argument(call, argument, changed[0]) is None:
            found.append((argument, layer_default, changed[1]))
    return found


def check_default_differs(ctx: ModuleContext, call: nodes.Call) -> None:
    found = callee(ctx, call)
    for argument, layer_default, torch_does in changed_defaults(call, *found) if found else ():
        ctx.report(DEFAULT_DIFFERS, call, (found[0], argument, layer_default, torch_does, source(found[1])))


DEFAULT_DIFFERS = Rule(
    symbol="ms-mindtorch-default-differs",
    node=nodes.Call,
    check=check_default_differs,
    message="%s() leaves %s to MindTorch's default %s, where %s (%s): pass it",
    summary="A call relying on a default that MindTorch (MSAdapter) changes: torch.flatten(x), F.log_softmax(x).",
    what=(
        "Checks calls in files the torch layer serves that leave out an argument whose default the support tables "
        "give differently from PyTorch's, where the two defaults give different results: `torch.flatten`'s "
        "`start_dim` (1 in the layer, 0 in PyTorch) and `F.log_softmax`'s `dim` (-1 in the layer; PyTorch picks dim "
        "0 for 1-D and 3-D input). Defaults that behave the same (`grid_sample`'s `align_corners` None/False, "
        "`pad`'s `value` None/0) or that PyTorch does not have are not reported."
    ),
    why=(
        "The layer returns another result than PyTorch for the same call, silently: `torch.flatten(x)` of a (2, 3, 4) "
        "tensor is (24,) in PyTorch and (2, 12) in the layer."
    ),
    oracle=Oracle.NONE,
    oracle_detail=ORACLE + "; PyTorch's side (the two defaults give different results) is run by tests/oracle/test_mindtorch_rules.py",
    references=TABLE_PAGES[1:2] + TABLE_PAGES[3:4],
)
