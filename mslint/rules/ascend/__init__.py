"""Ascend and ops-level rules (74xx), driven by the op metadata mined from MindSpore's docstrings
(``mslint/knowledge/data/ms_ops.json``) and the curated Ascend pitfalls (``mslint/knowledge/data/ascend_pitfalls.json``).

Calls are resolved through imports (``ops.X(...)``, ``P.X()(...)``, ``nn.X(...)``, and
``self.x = ops.X()`` used as ``self.x(...)``). Tensor methods are checked only where the receiver is
certainly a tensor (its dtype is known from :mod:`mslint.analysis.dtypes`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from astroid import nodes
from astroid.const import Context
from pylint.interfaces import HIGH, INFERENCE

from mslint.analysis import ast_queries, names
from mslint.analysis.dtypes import dtype_of, single_assignment
from mslint.analysis.target import PLATFORM_NAMES, SET_CONTEXT, device_call
from mslint.core.edits import Applicability, Fix
from mslint.core.versions import version_at_least
from mslint.engine.checker import FamilyChecker
from mslint.engine.context import ModuleContext
from mslint.engine.rule import MS_API_DOCS, MS_DOCS, Oracle, Rule, declared_rules
from mslint.knowledge.ascend_constraints import constraints_for
from mslint.knowledge.ops_metadata import (
    AscendPitfall,
    OpInfo,
    load_ascend_pitfalls,
    load_op_metadata,
    pitfalls_for,
)
from mslint.rules.ascend import conditions

ASCEND_ONLY = frozenset({"ascend"})
# mint alternatives that accept every call of the original (checked by tests/oracle/test_ascend_cpu.py).
COMPATIBLE_ALTERNATIVES = frozenset(
    {
        "mindspore.ops.einsum", "mindspore.ops.float_power", "mindspore.ops.inverse", "mindspore.nn.MaxUnpool2d",
        "mindspore.nn.ReplicationPad1d", "mindspore.nn.ReplicationPad2d", "mindspore.nn.ReplicationPad3d",
    }
)
# Deprecated primitives whose substitute accepts every call of the old one (same test).
PURE_RENAMES = {
    "mindspore.ops.TensorAdd": "mindspore.ops.Add",
    "mindspore.ops.Pack": "mindspore.ops.Stack",
    "mindspore.ops.Unpack": "mindspore.ops.Unstack",
    "mindspore.ops.GatherV2": "mindspore.ops.Gather",
}
TRAINING_CALLS = frozenset(
    {"mindspore.value_and_grad", "mindspore.grad", "mindspore.ops.value_and_grad", "mindspore.ops.grad",
     "mindspore.ops.GradOperation", "mindspore.nn.TrainOneStepCell", "mindspore.Model", "mindspore.train.Model"}
)
MAX_CONCAT_INPUTS = "max_inputs"
COMPLEX_DTYPES = frozenset({"complex64", "complex128"})
# Result comparisons that mark a file as a PyTorch-vs-MindSpore verification script.
COMPARISONS = frozenset(
    {"numpy.allclose", "numpy.isclose", "numpy.testing.assert_allclose", "numpy.testing.assert_almost_equal",
     "numpy.testing.assert_array_almost_equal", "torch.allclose", "torch.testing.assert_close"}
)
SET_DETERMINISTIC = "mindspore.set_deterministic"
PRECISION_MODE_CALLS = frozenset({"mindspore.device_context.ascend.op_precision.precision_mode"})


def _cite(pitfall: AscendPitfall) -> str:
    """The source of a curated pitfall: its quote, or its title and first source when it comes from a FAQ."""
    return f'"{pitfall.quote}"' if pitfall.quote else f"{pitfall.title} ({pitfall.sources[0]})"


def _global_pitfall(pitfall_id: str) -> AscendPitfall:
    """A curated pitfall that names no API (it applies to a whole file)."""
    return next(pitfall for pitfall in load_ascend_pitfalls() if pitfall.id == pitfall_id)


_DEPRECATED_FROM = re.compile(r"deprecated (?:since|from) (?:version )?(\d+(?:\.\d+)+)", re.IGNORECASE)


def deprecation_version(info: OpInfo) -> str:
    """The version an API is deprecated from: the one its deprecation note states, when it states one (the
    ``@deprecated`` wrapper's version can be older), so the message names one version only."""
    stated = _DEPRECATED_FROM.search(info.deprecation_note or "")
    return stated.group(1) if stated else info.deprecated_since


@dataclass(frozen=True)
class _Module:
    """What the Ascend rules need to know of a module: its calls (with the names they resolve to) and whether
    it trains."""

    calls: list[tuple[nodes.Call, str | None]]
    trains: bool


def _module(ctx: ModuleContext) -> _Module:
    found = [(call, ctx.callee(call)) for call in ast_queries.descendants(ctx.module, nodes.Call)]
    return _Module(found, any(name in TRAINING_CALLS for _, name in found))


# checks of a whole module


def check_comparison(ctx: ModuleContext, module: nodes.Module) -> None:
    calls = ctx.memo(_module).calls
    if ctx.framework != "mixed" or any(_enables_determinism(call, name) for call, name in calls):
        return
    first = next((call for call, name in calls if name in COMPARISONS), None)
    if first is not None:
        pitfall = _global_pitfall("ascend-deterministic-off")
        ctx.report(COMPARE_NONDETERMINISTIC, first, (ctx.text(first.func), pitfall.detail))


COMPARE_NONDETERMINISTIC = Rule(
    symbol="ms-ascend-compare-without-deterministic",
    node=nodes.Module,
    check=check_comparison,
    message="'%s' compares MindSpore with PyTorch results, but the file never calls mindspore.set_deterministic(True): %s",
    summary="A PyTorch-vs-MindSpore comparison script that does not enable deterministic computing.",
    what=(
        "Reports the first result comparison (`np.allclose`, `np.testing.assert_allclose`, `torch.allclose`, ...) "
        "in a file that imports both `torch` and `mindspore` and never calls `mindspore.set_deterministic(True)` "
        "or `set_context(deterministic=\"ON\")`."
    ),
    why=(
        "Deterministic computing is off by default: on Ascend the same op with the same input can give slightly "
        "different outputs from run to run, so a tolerance check against PyTorch passes or fails by chance. "
        "Call `ms.set_deterministic(True)` before building the network when verifying a port."
    ),
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="CPU kernels are deterministic; source: mindspore.set_deterministic docstring",
    references=(f"{MS_API_DOCS}/mindspore/mindspore.set_deterministic.html",),
)


def check_precision_mode(ctx: ModuleContext, module: nodes.Module) -> None:
    ascend = device_call(module, "ascend")
    if ascend is None or any(_sets_precision_mode(call, name) for call, name in ctx.memo(_module).calls):
        return
    pitfall = _global_pitfall("ascend-precision-mode-default")
    urls = "; ".join(source for source in pitfall.sources if source.startswith("https://"))
    ctx.report(PRECISION_MODE, ascend, (pitfall.title, urls))


PRECISION_MODE = Rule(
    symbol="ms-ascend-precision-mode-default",
    node=nodes.Module,
    check=check_precision_mode,
    message="Ascend is selected without an explicit precision_mode: %s. Sources: %s",
    summary="Ascend selected without setting the operator precision_mode (fp32 Conv/MatMul may run in fp16).",
    what=(
        "Reports, once per file, the `set_context(device_target=\"Ascend\")` or `set_device(\"Ascend\")` call "
        "when the file sets no `ascend_config={\"precision_mode\": ...}` and never calls "
        "`mindspore.device_context.ascend.op_precision.precision_mode(...)`."
    ),
    why=(
        "On Atlas training series (910A) the documented default precision_mode is `force_fp16` "
        "(`allow_fp32_to_fp16` in the Chinese page): Conv and MatMul of an fp32 PyTorch model run in fp16 and "
        "results drift from PyTorch. Atlas A2 defaults to `must_keep_origin_dtype`, and MindSpore 2.10's own "
        "docs disagree, so set the mode explicitly. Off by default: it fires on every Ascend script, and it "
        "is harmless on A2."
    ),
    targets=ASCEND_ONLY,
    default_enabled=False,
    oracle=Oracle.NONE,
    oracle_detail="an Ascend compiler option; source: op_precision.precision_mode docs",
    references=(
        "https://www.mindspore.cn/docs/en/br_base/api_python/device_context/mindspore.device_context.ascend.op_precision.precision_mode.html",
    ),
)


# name resolution


def _resolve(qualname: str | None) -> str | None:
    """The canonical metadata name of a MindSpore API, or None."""
    if not names.is_mindspore_name(qualname):
        return None
    table = load_op_metadata()
    canonical = table.canonical(qualname)
    return canonical if canonical in table else None


def _named_api(ctx: ModuleContext, call: nodes.Call) -> OpInfo | None:
    """The op metadata of the API a call names (a function, class or primitive)."""
    name = _resolve(ctx.callee(call))
    return load_op_metadata().get(name) if name is not None else None


def _invoked(ctx: ModuleContext, call: nodes.Call) -> tuple[OpInfo, list[nodes.NodeNG]] | None:
    """The op a call runs and its tensor inputs: functions, ``P.X()(...)``, ``self.x(...)``, and Tensor methods of
    a receiver whose dtype is known (the receiver is then the first input)."""
    table = load_op_metadata()
    func, inputs = call.func, list(call.args)
    direct = _resolve(ctx.callee(call))
    if direct is not None:
        info = table.get(direct)
        return (info, inputs) if info.kind in ("function", "tensor_method") else None
    name = None
    if isinstance(func, nodes.Call):
        name = _resolve(ctx.callee(func))
    elif isinstance(func, nodes.Attribute):
        name = _self_op(ctx, func)
        if name is None and dtype_of(func.expr) is not None:
            name, inputs = _resolve(f"mindspore.Tensor.{func.attrname}"), [func.expr, *inputs]
    info = table.get(name) if name else None
    return (info, inputs) if info is not None else None


def _self_ops(ctx: ModuleContext, cls: nodes.ClassDef) -> dict[str, str]:
    """The attributes of a class bound to one MindSpore primitive or layer (``self.x = ops.X()``)."""
    table = load_op_metadata()
    bound: dict[str, set[str | None]] = {}
    for target in ast_queries.descendants(cls, nodes.AssignAttr):
        if isinstance(target.expr, nodes.Name) and target.expr.name == "self":
            value = target.parent.value if isinstance(target.parent, nodes.Assign) else None
            made = _resolve(ctx.callee(value)) if isinstance(value, nodes.Call) else None
            bound.setdefault(target.attrname, set()).add(made)
    return {
        attr: made for attr, (made,) in ((a, m) for a, m in bound.items() if len(m) == 1)
        if made is not None and table.get(made).kind in ("primitive", "class")
    }


def _self_op(ctx: ModuleContext, func: nodes.Attribute) -> str | None:
    """The primitive or layer ``self.x`` is bound to in its class, if only one."""
    cls = names.enclosing_class(func)
    if cls is None or not (isinstance(func.expr, nodes.Name) and func.expr.name == "self"):
        return None
    return ctx.memo(_self_ops, cls).get(func.attrname)


# checks of a call that names an API


def check_platform(ctx: ModuleContext, node: nodes.Call) -> None:
    info = ctx.memo(_named_api, node)
    platform = PLATFORM_NAMES.get(ctx.settings.target)
    if info is None or platform is None or info.kind == "tensor_method" or info.supports_platform(platform) is not False:
        return
    alternative = info.mint_alternative
    if alternative and load_op_metadata().get(alternative).supports_platform(platform) is not True:
        alternative = None
    hint, fix = "", None
    if alternative:
        hint = f"; use '{_short(alternative)}'"
        spelled = names.spelling(node.root(), alternative)
        if spelled:
            safety = Applicability.UNSAFE if info.qualname in COMPATIBLE_ALTERNATIVES else Applicability.DISPLAY_ONLY
            fix = Fix(f"Use {_short(alternative)}", (ctx.edit.replace(node.func, spelled),), safety)
    supported = "/".join(sorted(info.platforms)) or "none"
    ctx.report(NO_KERNEL, node, (_short(info.qualname), platform, supported, hint, info.doc_url), fix)


NO_KERNEL = Rule(
    symbol="ms-op-no-kernel-on-target",
    node=nodes.Call,
    check=check_platform,
    message="'%s' has no %s kernel (its docstring lists Supported Platforms: %s)%s. See %s",
    summary="An API whose documented Supported Platforms do not include the target device.",
    what=(
        "Checks calls of MindSpore functions, primitives and `nn` layers whose docstring's `Supported Platforms` "
        "block does not list the target device (`--target ascend|gpu|cpu`, or detected from `set_context`). "
        "Names the documented `mint` alternative when that one supports the device."
    ),
    why=(
        "There is no kernel for the device: the call fails at run time (`RuntimeError`, `NotImplementedError`), "
        "often only when the op first executes. `ops.einsum` is GPU-only; on Ascend use `mint.einsum`."
    ),
    fix=Applicability.UNSAFE,
    fix_also=Applicability.DISPLAY_ONLY,
    fix_safety=(
        "Replaces the callee with its `mint` alternative when both take the same parameters (checked against "
        "MindSpore 2.10 signatures); the alternative may still differ in dtype support. Otherwise the "
        "alternative is only suggested."
    ),
    targets=frozenset({"ascend", "gpu", "cpu"}),
    oracle=Oracle.NONE,
    oracle_detail=(
        "the alternative, mint.einsum, only runs on Ascend; tests/oracle/test_ascend_cpu.py runs bad.py "
        "(RuntimeError on CPU: ops.einsum is GPU-only) and good.py"
    ),
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.einsum.html",),
)


def check_deprecated(ctx: ModuleContext, node: nodes.Call) -> None:
    info = ctx.memo(_named_api, node)
    if info is None or not (info.deprecated and info.deprecated_since):
        return
    since = deprecation_version(info)
    if version_at_least(ctx.settings.mindspore_version, since):
        statement = deprecation_statement(info, since, ctx.settings.mindspore_version)
        substitute = PURE_RENAMES.get(info.qualname, info.deprecated_substitute)
        advice, offered = _substitute_advice(substitute, PLATFORM_NAMES.get(ctx.settings.target))
        ctx.report(DEPRECATED, node, (_short(info.qualname), statement, advice), _rename_fix(ctx, node, info) if offered else None)


_FUTURE_ONLY = re.compile(r"will be deprecated", re.IGNORECASE)
_REMOVED_AFTER = re.compile(r"removed (?:after version|in versions?) (\d+(?:\.\d+)+)", re.IGNORECASE)


def deprecation_statement(info: OpInfo, since: str, target_version: str) -> str:
    """What MindSpore says of a deprecated API, in plain words and consistent with the targeted version: "will be
    deprecated" stays a future deprecation; a removal announced for a version the target has passed is left out
    (the API is still in the target's data)."""
    note = info.deprecation_note or ""
    if _FUTURE_ONLY.search(note) and not re.search(r"\b(?:is|has been) deprecated|deprecated (?:from|since)", note, re.IGNORECASE):
        return "will be deprecated in a future MindSpore version"
    removed = _REMOVED_AFTER.search(note)
    if removed and not version_at_least(target_version, removed.group(1)):
        return f"is deprecated from MindSpore {since} and will be removed after version {removed.group(1)}"
    return f"is deprecated from MindSpore {since} and will be removed in a future version"


_SPHINX_ROLE = re.compile(r":(?:func|class|meth|attr|mod|obj|ref):`~?([^`<]*?)(?:\s*<[^>]*>)?`")


def plain_words(text: str) -> str:
    """A docstring sentence without Sphinx markup (``:func:`ops.fill``` -> ``ops.fill``, double backquotes ->
    single) and without a trailing period (the message goes on after it)."""
    return _SPHINX_ROLE.sub(r"`\1`", text).replace("``", "`").strip().rstrip(".")


def _substitute_advice(substitute: str | None, platform: str | None) -> tuple[str, bool]:
    """(": use <substitute>", or why it is not offered: a substitute that has no kernel on the target, or whose
    documented platforms do not say it runs there when the target is unknown; whether it is offered)."""
    if not substitute:
        return "", True
    info = load_op_metadata().get(substitute if substitute.startswith("mindspore.") else f"mindspore.{substitute}")
    platforms = info.platforms if info is not None and info.platforms_known else None
    if platforms is not None and (platform or "CPU") not in platforms:
        unknown = "" if platform else " (the target device is unknown)"
        return f"; its substitute {_short(substitute)} runs on {'/'.join(sorted(platforms))} only{unknown}", False
    return f": use {_short(substitute)}", True


DEPRECATED = Rule(
    symbol="ms-op-deprecated",
    node=nodes.Call,
    check=check_deprecated,
    message="'%s' %s%s",
    summary="An API deprecated (with a version) in the targeted MindSpore version.",
    what=(
        "Checks calls of APIs whose docstring or `@deprecated` wrapper deprecates them from a given version, when "
        "`mindspore-version` is at least that version. Deprecations without a version are reported by "
        "`ms-op-change-announced`."
    ),
    why="Deprecated APIs are removed in later releases; the notice names the substitute.",
    fix=Applicability.UNSAFE,
    fix_safety="Only for primitives renamed without other change (TensorAdd to Add, Pack to Stack, ...); review that nothing else relied on the old name.",
    oracle=Oracle.NONE,
    oracle_detail="deprecated APIs still run in 2.10",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.Add.html",),
)


def check_change_announced(ctx: ModuleContext, node: nodes.Call) -> None:
    info = ctx.memo(_named_api, node)
    if info is None or (info.deprecated and info.deprecated_since):
        return
    short = _short(info.qualname)
    if info.deprecated:
        ctx.report(CHANGE_ANNOUNCED, node, (short, plain_words(info.deprecation_note), "deprecated, no version given"))
    elif info.changes_after:
        change = info.changes_after[0]
        reached = version_at_least(ctx.settings.mindspore_version, change.version)
        when = f"announced for after {change.version}" + ("; check the behaviour of your version" if reached else "")
        ctx.report(CHANGE_ANNOUNCED, node, (short, plain_words(change.text), when))


CHANGE_ANNOUNCED = Rule(
    symbol="ms-op-change-announced",
    node=nodes.Call,
    check=check_change_announced,
    message="'%s': %s (%s)",
    summary="An API whose docstring announces a removal or an incompatible change after some version.",
    what=(
        "Reports calls of APIs with a version notice (\"Non-backward-compatible change after version 2.9.0\", "
        "\"will be removed after version X\") or a deprecation without a version."
    ),
    why=(
        "MindSpore 2.10's docstrings announce changes for about 450 APIs (`nn.Dropout` drops `keep_prob`, pooling "
        "strides default to the kernel size, `ops.std` moves to `correction=1`), yet 2.10 still behaves the old way. "
        "Code that relies on the old behaviour breaks when it lands. Off by default: it reports idiomatic layers "
        "such as `nn.Conv2d`."
    ),
    default_enabled=False,
    oracle=Oracle.NONE,
    oracle_detail="announced, not yet changed in 2.10",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Dropout.html",),
)


def _rename_fix(ctx: ModuleContext, node: nodes.Call, info: OpInfo) -> Fix | None:
    new = PURE_RENAMES.get(info.qualname)
    spelled = names.spelling(node.root(), new) if new else None
    return Fix(f"Use {_short(new)}", (ctx.edit.replace(node.func, spelled),), Applicability.UNSAFE) if spelled else None


def check_maxpool_rewrite(ctx: ModuleContext, node: nodes.Call) -> None:
    info = ctx.memo(_named_api, node)
    if info is None or not ctx.memo(_module).trains:
        return
    rewrite = next((p for p in pitfalls_for(info.qualname) if p.id == "ascend-maxpool-argmax-training"), None)
    if rewrite is not None:
        ctx.report(MAXPOOL_REWRITE, node, (_short(info.qualname), "; ".join(rewrite.sources[1:3])))


MAXPOOL_REWRITE = Rule(
    symbol="ms-ascend-maxpool-argmax-rewrite",
    node=nodes.Call,
    check=check_maxpool_rewrite,
    message="'%s' in a module that trains: on Ascend, training rewrites MaxPool into MaxPoolWithArgmax, so results can differ from PyTorch. Sources: %s",
    summary="Max pooling in code that trains on Ascend (rewritten into MaxPoolWithArgmax).",
    what=(
        "Reports max-pooling layers and functions in a module that also trains (calls `value_and_grad`, `grad`, "
        "`TrainOneStepCell` or `Model`)."
    ),
    why=(
        "When a gradient is taken on Ascend, a graph pass replaces MaxPool and its gradient with "
        "MaxPoolWithArgmax (uint16 argmax). The migration guide notes that the outputs can then differ from "
        "PyTorch; compare against a PyTorch baseline with that in mind."
    ),
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="an Ascend graph pass; source: maxpool_to_maxpool_with_argmax.cc and the migration guide",
    references=(f"{MS_DOCS}/migration_guide/missing_api_processing_policy.html",),
)


# documented conditions of an op's arguments and inputs


def _problems(ctx: ModuleContext, node: nodes.Call) -> list[tuple[OpInfo, conditions.Problem]]:
    """The broken documented conditions of a call (``ctx.memo``: each rule reports those its classification
    names): construction arguments of the API it names, then the arguments and inputs of the op it runs."""
    found: list[tuple[OpInfo, conditions.Problem]] = []
    info = ctx.memo(_named_api, node)
    if info is not None:
        for constraint in constraints_for(info.qualname):
            if conditions.applies_at_construction(constraint, info.kind):
                problem = conditions.argument_problem(constraint, node, info.kind, info.qualname, list(node.args))
                if problem is not None:
                    found.append((info, problem))
    invoked = ctx.memo(_invoked, node)
    if invoked is not None:
        info, inputs = invoked
        reported: set[tuple[nodes.NodeNG, str]] = set()
        for constraint in constraints_for(info.qualname):
            if constraint.klass == "dtype":
                problems = conditions.dtype_problems(constraint, node, info.qualname, inputs)
            elif constraint.klass == "rank":
                problems = [conditions.rank_problem(constraint, node, inputs)]
            elif not conditions.applies_at_construction(constraint, info.kind):
                problems = [conditions.argument_problem(constraint, node, info.kind, info.qualname, inputs)]
            else:
                continue
            for problem in problems:
                if problem is not None and (problem.node, problem.constraint.rule) not in reported:
                    reported.add((problem.node, problem.constraint.rule))
                    found.append((info, problem))
    return found


def _report_problems(symbol: str, ctx: ModuleContext, node: nodes.Call) -> None:
    """Report a call's broken documented conditions that the classification gives to the rule ``symbol``."""
    rule = RULES_BY_SYMBOL[symbol]
    for info, problem in ctx.memo(_problems, node):
        if problem.constraint.rule != symbol:
            continue
        short, cite = _short(info.qualname), problem.constraint.citation
        if rule is UNSUPPORTED_DTYPE:
            ctx.report(rule, problem.node, (problem.dtype, short, problem.dtype, cite), confidence=INFERENCE)
        elif rule is SEED_IGNORED:
            ctx.report(rule, problem.node, (short, problem.argument, cite))
        elif rule is OP_CONSTRAINT:
            last_axis = problem.constraint.condition.get("last_axis")
            ctx.report(rule, problem.node, (short, problem.detail, cite), confidence=INFERENCE if last_axis else HIGH)
        else:
            ctx.report(rule, problem.node, (short, cite))


UNSUPPORTED_DTYPE = Rule(
    symbol="ms-ascend-unsupported-dtype",
    node=nodes.Call,
    check=functools.partial(_report_problems, "ms-ascend-unsupported-dtype"),
    message="A %s tensor reaches '%s', which does not support %s on Ascend: %s",
    summary="A float64 (or otherwise documented-unsupported) tensor passed to an op that rejects it on Ascend.",
    what=(
        "Checks the inputs of ops whose docstring says a dtype is not supported on Ascend (`ops.mm`, "
        "`ops.MatMul`, `ops.kl_div`, `ops.L2Normalize`, ...) or that Ascend supports only some dtypes "
        "(`ops.iou`, `Tensor.cumsum`), as classified in `mslint/knowledge/data/ascend_classification.toml`; the "
        "`ops.MatMul` float64 statement also covers `ops.matmul`, `mint.matmul`, `mint.mm` and `Tensor.matmul`. "
        "The dtype is followed locally: the same statement, a variable assigned once in the same function, or "
        "the last assignment before the read in straight-line code (`Tensor(np.random.randn(...))`, "
        "`y = x.astype(ms.float64)`, `dtype=ms.float64`, `y * 2.0`)."
    ),
    why=(
        "PyTorch code often builds float64 tensors from NumPy (`np.random.randn` is float64). On Ascend these ops "
        "have no float64 kernel (\"AI CORE and AI CPU can not find a valid kernel info\"), while the same code runs "
        "on CPU. Cast to float32."
    ),
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="the CPU kernels accept float64; source: the op docstrings, e.g. ops.MatMul",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.MatMul.html", f"{MS_DOCS}/faq/operators_compile.html"),
)
INDEX_UNCHECKED = Rule(
    symbol="ms-ascend-index-unchecked",
    node=nodes.Call,
    check=functools.partial(_report_problems, "ms-ascend-index-unchecked"),
    message="'%s' does not check index bounds on Ascend: out-of-range indices give undefined results instead of an error. Source: %s",
    summary="Gather/scatter/embedding/segment ops whose out-of-range indices are undefined on Ascend.",
    what="Reports calls of the index ops that the docstrings say are not bounds-checked on Ascend (gather, gather_elements, embedding, tensor_scatter_*, unsorted_segment_sum).",
    why=(
        "On CPU and GPU an out-of-range index raises; on Ascend the result is undefined, so an off-by-one "
        "ported from PyTorch goes unnoticed. Validate indices (clip, or assert on CPU) when porting. "
        "Off by default: every gather would be reported."
    ),
    targets=ASCEND_ONLY,
    default_enabled=False,
    oracle=Oracle.NONE,
    oracle_detail="CPU raises on out-of-range indices; source: ops.gather docstring",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.gather.html",),
)
MAXPOOL_INDICES = Rule(
    symbol="ms-ascend-maxpool-indices-dtype",
    node=nodes.Call,
    check=functools.partial(_report_problems, "ms-ascend-maxpool-indices-dtype"),
    message="'%s' returns uint16/int32 pooling indices on Ascend, not int64 as on CPU/GPU and PyTorch. Source: %s",
    summary="Max-pooling indices have a different dtype on Ascend.",
    what=(
        "Checks max-pooling calls with `return_indices=True`, `MaxPoolWithArgmaxV2` (always returns indices) and "
        "an `argmax_type` that Ascend ignores."
    ),
    why=(
        "The indices are uint16 (`ops`) or int32 (`mint`) on Ascend. Code that feeds them to an unpooling or "
        "gather op, or compares them with PyTorch's int64 indices, breaks or overflows (uint16 holds at most 65535)."
    ),
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="CPU returns int64 indices; source: ops.max_pool2d docstring",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.max_pool2d.html",),
)
SEED_IGNORED = Rule(
    symbol="ms-ascend-random-seed-ignored",
    node=nodes.Call,
    check=functools.partial(_report_problems, "ms-ascend-random-seed-ignored"),
    message="'%s' ignores %s= on Ascend: %s",
    summary="A seed passed to a random op that ignores it on Ascend.",
    what="Checks `seed=` / `seed2=` arguments of random ops whose docstring says Ascend ignores them.",
    why=(
        "The run is not reproducible on Ascend although the code asks for a seed; results also differ from the "
        "CPU/GPU streams. Use `mindspore.set_seed` and `mindspore.set_deterministic(True)`; "
        "`ms-ascend-compare-without-deterministic` reports comparison scripts that forget the latter."
    ),
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="CPU honours the seed; source: ops.dropout docstring",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.dropout.html",),
)
TOPK_UNSORTED = Rule(
    symbol="ms-ascend-topk-unsorted",
    node=nodes.Call,
    check=functools.partial(_report_problems, "ms-ascend-topk-unsorted"),
    message="'%s' with sorted=False runs on AICPU on Ascend (slow) and its output order differs by platform. Source: %s",
    summary="TopK with sorted=False on Ascend.",
    what="Checks `topk`/`TopK` calls with `sorted=False`.",
    why="Ascend falls back to the AICPU kernel and returns the k values in an order that differs from CPU/GPU and PyTorch.",
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="source: ops.topk docstring",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.topk.html",),
)


def check_op_constraint(ctx: ModuleContext, node: nodes.Call) -> None:
    """The documented Ascend conditions, and Concat of more inputs than the operator FAQ allows (a FAQ fact)."""
    _report_problems(OP_CONSTRAINT.symbol, ctx, node)
    invoked = ctx.memo(_invoked, node)
    if invoked is None:
        return
    info, inputs = invoked
    for pitfall in pitfalls_for(info.qualname):
        if pitfall.id == "ascend-concat-192-inputs":
            given = inputs[0] if inputs else ast_queries.argument(node, "tensors") or ast_queries.argument(node, "input_x")
            count = ast_queries.literal_length(given)
            if count is not None and count > pitfall.params[MAX_CONCAT_INPUTS]:
                problem = f"concatenating {count} tensors (192 or more)"
                ctx.report(OP_CONSTRAINT, node, (_short(info.qualname), problem, _cite(pitfall)))


OP_CONSTRAINT = Rule(
    symbol="ms-ascend-op-constraint",
    node=nodes.Call,
    check=check_op_constraint,
    message="'%s': %s is not supported on Ascend. Source: %s",
    summary="Arguments or input ranks outside an op's documented Ascend limits (group conv, sort axis, pad, tile, GRU, ranks, ...).",
    what=(
        "Checks literal arguments and literal-shape input ranks against the Ascend statements of the MindSpore "
        "docstrings classified as argument, rank or unsupported-mode conditions (`mslint/knowledge/data/"
        "ascend_classification.toml`, table in docs/ascend.md): group convolution that cannot be depthwise "
        "(`group > 1` with a literal channel count other than it, or `out_channels = 2 * in_channels`), "
        "`Conv3d`/`Conv1dTranspose` with `group > 1`, sorting on an axis other than the last, negative "
        "`ops.transpose` dims or paddings, `tile` with more than 8 dims or more than 4 repeated, `pad(mode="
        "\"circular\")`, a `GRU` hidden size that is not a multiple of 16, `KLDivLoss` reductions (also the "
        "default `'mean'`), input ranks (`matmul` 1 to 6, `ops.pad` at most 6, `PixelShuffle` under 7, ...), and "
        "`Concat` of 192 or more tensors (operator FAQ). A rank is known only for a tensor created with a literal "
        "shape in the same function (`ops.ones((...))`, `np.random.randn(...)`) or reshaped to one. The message "
        "quotes the API and the sentence."
    ),
    why="These combinations run on CPU/GPU but fail to compile or are rejected on Ascend.",
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="accepted on CPU; sources: the op docstrings and the operator FAQ",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Conv2d.html", "https://www.mindspore.cn/docs/en/r2.4.10/faq/operators_compile.html"),
)


def check_dynamic_shape(ctx: ModuleContext, node: nodes.Call | nodes.Subscript) -> None:
    """Ops with data-dependent output shapes, and boolean-mask indexing, in graph code."""
    table = load_op_metadata()
    if isinstance(node, nodes.Subscript):
        mask = single_assignment(node.slice) if isinstance(node.slice, nodes.Name) else node.slice
        if isinstance(mask, nodes.Compare) and node.ctx is Context.Load and ctx.in_graph_code(node):
            ctx.report(DYNAMIC_SHAPE, node, ("Boolean-mask indexing", table.meta["dynamic_shape_source"]), confidence=INFERENCE)
        return
    invoked = ctx.memo(_invoked, node)
    if invoked is not None and invoked[0].dynamic_shape and ctx.in_graph_code(node):
        ctx.report(DYNAMIC_SHAPE, node, (f"'{_short(invoked[0].qualname)}'", table.meta["dynamic_shape_source"]))


DYNAMIC_SHAPE = Rule(
    symbol="ms-ascend-dynamic-shape-in-graph",
    node=(nodes.Call, nodes.Subscript),
    check=check_dynamic_shape,
    message="%s has a data-dependent output shape in graph-compiled code: on Ascend this forces dynamic shape (recompilation or unsupported kernels). Source: %s",
    summary="nonzero/unique/masked_select/boolean-mask indexing inside jit or GRAPH_MODE construct.",
    what=(
        "Checks ops whose output shape depends on the data (metadata `dynamic_shape`: nonzero, unique, "
        "masked_select, bincount, ...) and `x[mask]` indexing with a comparison, inside `@jit` functions, or "
        "inside `construct` when the module sets `GRAPH_MODE`."
    ),
    why=(
        "Graph compilation on Ascend wants static shapes; these ops make the graph dynamic, which recompiles or "
        "hits ops without dynamic-shape kernels. The migration guide recommends padding and masking instead "
        "(`ops.masked_fill`, `ops.where`)."
    ),
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="compiles on CPU; source: migration guide dynamic_shape.md",
    references=(f"{MS_DOCS}/migration_guide/dynamic_shape.html",),
)


def check_complex_dtype(ctx: ModuleContext, node: nodes.Call) -> None:
    invoked = ctx.memo(_invoked, node)
    if invoked is None:
        return
    info, inputs = invoked
    for tensor in inputs:
        dtype = dtype_of(tensor)
        if dtype in COMPLEX_DTYPES and not any(dtype in text for text in info.ascend_notes):
            source = _global_pitfall("ascend-complex-aclnn").sources[0]
            ctx.report(COMPLEX_DTYPE, tensor, (dtype, _short(info.qualname), source), confidence=INFERENCE)


COMPLEX_DTYPE = Rule(
    symbol="ms-ascend-complex-dtype",
    node=nodes.Call,
    check=check_complex_dtype,
    message="A %s tensor reaches '%s': complex dtypes fail through aclnn on Ascend (source: %s)",
    summary="A complex64/complex128 tensor passed to an op on Ascend.",
    what=(
        "Checks the inputs of MindSpore ops for `complex64`/`complex128` tensors, followed locally as for "
        "`ms-ascend-unsupported-dtype` (`x.astype(ms.complex64)`, `Tensor(a, dtype=ms.complex64)`). Ops whose "
        "docstring lists the complex dtype for Ascend (the `ops.fft` family) are not reported."
    ),
    why=(
        "PyTorch code uses complex tensors freely (FFT-based layers, rotary embeddings). The MSAdapter "
        "documentation lists complex64 among its known limits on Ascend: it fails through the aclnn kernels. "
        "The statement is general, not per op, hence a warning: keep complex maths in real/imaginary float32 "
        "pairs, or check the op on the device."
    ),
    targets=ASCEND_ONLY,
    oracle=Oracle.NONE,
    oracle_detail="CPU kernels accept complex64; source: MSAdapter docs (known limits)",
    references=("https://www.mindspore.cn/msadapter/docs/zh-CN/master/index.html",),
)


def _enables_determinism(call: nodes.Call, name: str | None) -> bool:
    """``set_deterministic(True)`` or ``set_context(deterministic="ON")``; a non-literal value counts as on."""
    if name == SET_DETERMINISTIC:
        value = ast_queries.argument(call, "deterministic", 0)
    elif name in SET_CONTEXT:
        value = ast_queries.argument(call, "deterministic")
        if value is None:
            return False
    else:
        return False
    return not isinstance(value, nodes.Const) or value.value in (True, "ON")


def _sets_precision_mode(call: nodes.Call, name: str | None) -> bool:
    """``precision_mode(...)``, or ``set_context(ascend_config=...)`` with a ``precision_mode`` key (or a
    config that is not a literal dict)."""
    if name in PRECISION_MODE_CALLS:
        return True
    config = ast_queries.argument(call, "ascend_config") if name in SET_CONTEXT else None
    if config is None:
        return False
    if not isinstance(config, nodes.Dict):
        return True
    return any(isinstance(key, nodes.Const) and key.value == "precision_mode" for key, _ in config.items)


def _short(qualname: str) -> str:
    return qualname.removeprefix("mindspore.")


# Rules that a classified docstring statement can name (mslint/knowledge/data/ascend_classification.toml).
RULES_BY_SYMBOL = {
    rule.symbol: rule
    for rule in (UNSUPPORTED_DTYPE, INDEX_UNCHECKED, MAXPOOL_INDICES, SEED_IGNORED, OP_CONSTRAINT, TOPK_UNSORTED)
}


class AscendChecker(FamilyChecker):
    """Device support, Ascend op constraints and deprecations, from the op metadata."""

    rules = declared_rules(__name__, globals())
