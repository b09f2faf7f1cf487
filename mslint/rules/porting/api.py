"""Porting rules driven by the knowledge base: arguments MindSpore does not accept, arguments that keep
their PyTorch meaning, PyTorch names on MindSpore namespaces and PyTorch calls left in MindSpore code.

Each rule is declared next to its check.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from astroid import nodes

from mslint.analysis import ast_queries, calls, names
from mslint.analysis.values import known_value, literal_number, parameter_default
from mslint.core.edits import Applicability, Edit, Fix
from mslint.engine.context import ModuleContext
from mslint.engine.rule import MS_API_DOCS, MS_DOCS, Oracle, Rule
from mslint.knowledge.default_diffs import default_differences
from mslint.knowledge.mappings import (
    ApiMapping,
    Param,
    load_argument_types,
    load_signatures,
    load_torch_mapping,
)
from mslint.knowledge.surface import load_surface
from mslint.rules.porting.surface import CallBinding, call_binding, configuration_swap

_RATE_WORDS = ("drop", "rate")


@functools.cache
def _ms_layers_with_default(torch_name: str, defaults: tuple[str, str]) -> frozenset[str]:
    """MindSpore targets whose knowledge-base entry records ``defaults`` for ``torch_name`` (found once)."""
    return frozenset(e.ms for e in load_torch_mapping().values() if e.ms and e.defaults_diff.get(torch_name) == defaults)


def _mindspore_callee(ctx: ModuleContext, call: nodes.Call) -> str | None:
    """The MindSpore API a call runs (``super().__init__`` of a MindSpore base included), unless the project
    patches it; None in compat-layer files."""
    if ctx.framework == "compat":
        return None
    name = ctx.callee(call) or calls.super_init_target(call)
    if not names.is_mindspore_name(name) or name in ctx.patched:
        return None
    return name


def _api_call(ctx: ModuleContext, call: nodes.Call) -> tuple[nodes.Call, str] | None:
    """The MindSpore API a call runs, with the call as the API sees it: ``functools.partial(nn.Dropout,
    keep_prob=0.3)`` is read as ``nn.Dropout(keep_prob=0.3)``."""
    name = ctx.memo(_mindspore_callee, call)
    if name is not None:
        return call, name
    prepared = calls.prepared_call(call)
    name = _mindspore_callee(ctx, prepared) if prepared is not None else None
    return (prepared, name) if name is not None else None


# arguments MindSpore does not accept


def _binding(ctx: ModuleContext, call: nodes.Call) -> CallBinding | None:
    """The call of a known MindSpore API bound against its signature (``surface.call_binding``); None in compat-layer
    files and for APIs the project patches."""
    return ctx.memo(call_binding, call) if ctx.framework != "compat" else None


def check_inplace(ctx: ModuleContext, call: nodes.Call) -> None:
    found = _binding(ctx, call)
    if found is None or found.var_keyword:
        return
    for keyword in call.keywords or ():
        if keyword.arg == "inplace" and (found.mismatch is not None and keyword in found.mismatch.unknown):
            fix = Fix("Remove inplace=", (ctx.edit.remove_argument(call, keyword),))
            ctx.report(UNSUPPORTED_INPLACE, keyword, (found.callee.name.rsplit(".", 1)[-1],), fix)


UNSUPPORTED_INPLACE = Rule(
    symbol="ms-unsupported-inplace",
    node=nodes.Call,
    check=check_inplace,
    message="%s() has no 'inplace' parameter in MindSpore: remove it",
    summary="inplace= passed to a MindSpore API that has no such parameter.",
    what="Checks calls of MindSpore layers and functions (`nn`, `ops`, `mint`) with an `inplace=` keyword that their signature in the MindSpore signature table does not accept.",
    why="PyTorch layers such as `nn.ReLU(inplace=True)` take `inplace`; MindSpore's do not, and the call raises `TypeError: ReLU.__init__() got an unexpected keyword argument 'inplace'`.",
    fix=Applicability.SAFE,
    fix_safety="Removing the keyword keeps the result: MindSpore layers return a new tensor.",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.ReLU.html",),
)


def check_unexpected_arguments(ctx: ModuleContext, call: nodes.Call) -> None:
    found = _binding(ctx, call)
    if found is None or ctx.memo(configuration_swap, call) is not None:
        return
    mismatch, short = found.mismatch, found.callee.name
    accepted = {p.name for overload in found.overloads for p in overload}
    if found.var_keyword:  # **kwargs takes any keyword: only PyTorch's spelling of a parameter it has is wrong
        unknown = [kw for kw in call.keywords or () if kw.arg and kw.arg not in accepted and calls.rename_for(found.qualname, kw.arg, accepted)]
    else:
        unknown = list(mismatch.unknown) if mismatch is not None else []
    for keyword in unknown:
        if keyword.arg == "inplace" and not found.var_keyword:
            continue  # ms-unsupported-inplace
        target = calls.rename_for(found.qualname, keyword.arg, accepted)
        fix, hint = None, ""
        if target is not None and _filled_positionally(call, found.qualname, target):
            # ops.Squeeze(x, dim=0): the Primitive takes its axis when built, the tensor when called
            hint = f": {short} is a Primitive, built with its {target} and then called on tensors: {short}({target}=...)(x)" if calls.is_class(found.qualname) else ""
        elif target is not None:
            hint = f": use {' and '.join(target.split(','))}"
            edits = None if ast_queries.keyword(call, target) else ctx.edit.rename_keyword(keyword, target)
            fix = Fix(f"Rename {keyword.arg}= to {target}", edits) if edits else None
        ctx.report(UNEXPECTED_ARGUMENT, keyword, (short, f"has no parameter '{keyword.arg}' in MindSpore{hint}"), fix)
    if mismatch is None or found.var_keyword:
        return
    if mismatch.max_positional is not None:
        extra = call.args[mismatch.max_positional]
        detail = f"takes at most {mismatch.max_positional - found.callee.offset} positional arguments in MindSpore, {len(call.args) - found.callee.offset} given"
        ctx.report(UNEXPECTED_ARGUMENT, extra, (short, detail))
    for keyword in mismatch.duplicate:
        ctx.report(UNEXPECTED_ARGUMENT, keyword, (short, f"gets '{keyword.arg}' twice in MindSpore, by position and by keyword (TypeError)"))
    if mismatch.combination and len(found.overloads) > 1:
        count = len(call.args) - found.callee.offset
        given = ", ".join([*([f"{count} positional"] if count else []), *(f"{kw.arg}=" for kw in call.keywords or ())])
        shapes = "; ".join(f"({', '.join(p.name for p in overload)})" for overload in found.overloads)
        ctx.report(UNEXPECTED_ARGUMENT, call, (short, f"has no overload taking {given} together in MindSpore (TypeError); its overloads: {shapes}"))


def _filled_positionally(call: nodes.Call, qualname: str, targets: str) -> bool:
    """Every overload already binds one of the renamed keyword's targets to a positional argument of the call
    (renamed, the call would pass it twice)."""
    return all(
        any(name in calls.positional_names(params)[: len(call.args)] for name in targets.split(","))
        for params in calls.overloads(qualname)
    )


UNEXPECTED_ARGUMENT = Rule(
    symbol="ms-unexpected-argument",
    node=nodes.Call,
    check=check_unexpected_arguments,
    message="%s() %s",
    summary="A keyword or positional argument the MindSpore API does not accept (often PyTorch's name for it).",
    what=(
        "Checks calls of MindSpore APIs whose signature is in the signature table for keywords no overload "
        "accepts (`bias=`, `groups=`, `dim=` where `axis` is expected, `eps=` for `epsilon`) and for more "
        "positional arguments than any overload takes (`ops.transpose(x, 0, 1)`). Namespace-aware through the "
        "table: `mindspore.mint` keeps PyTorch's `dim`/`keepdim`, `ops`/`nn` use `axis`/`keepdims`/`keep_dims`. "
        "APIs taking `**kwargs` are checked only for a PyTorch keyword whose MindSpore spelling they take "
        "(`nn.Adam(lr=...)`). Tensor methods are not checked (the receiver's type is not known)."
    ),
    why="MindSpore raises `TypeError: ... got an unexpected keyword argument 'dim'` (or `KeyError` from optimizers).",
    fix=Applicability.SAFE,
    fix_safety="Renames the keyword to the MindSpore parameter the knowledge base maps it to (`betas=(a, b)` becomes `beta1=a, beta2=b`); the code raised before. No fix when no rename is known.",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.cat.html", f"{MS_DOCS}/note/api_mapping/pytorch_api_mapping.html"),
)


# arguments that keep their PyTorch meaning


@dataclass(frozen=True)
class _DropoutArgument:
    value: nodes.NodeNG  # what the call passes as keep_prob
    keep: nodes.Keyword | None  # the keep_prob= keyword, when it is one
    reading: str | None  # "rate", "keep" or None
    origin: str  # where the value that decides the reading comes from ("" when written at the call)


def _dropout_argument(ctx: ModuleContext, call: nodes.Call) -> _DropoutArgument | None:
    """How a ``nn.Dropout`` call's keep probability reads (positional or ``keep_prob=``; not ``p=``)."""
    found = ctx.memo(_api_call, call)
    if found is None or found[1] != "mindspore.nn.Dropout":
        return None
    call = found[0]
    if ast_queries.keyword(call, "p"):
        return None
    keep = ast_queries.keyword(call, "keep_prob")
    value = keep.value if keep is not None else call.args[0] if call.args and not isinstance(call.args[0], nodes.Starred) else None
    if value is None:
        return None
    if keep is None and ctx.origin.is_tensorflow:
        return None  # TensorFlow 1.x's dropout took keep_prob: a positional keep probability is native there
    known = known_value(value)
    from_default = None
    if known is not None and known.origin and known.number is not None:
        from_default = "rate" if known.number < 0.5 else "keep"  # a default of 0.9 is a keep probability
    return _DropoutArgument(value, keep, from_default or _dropout_reading(value), known.origin if from_default else "")


def check_dropout_keep_prob(ctx: ModuleContext, call: nodes.Call) -> None:
    found = ctx.memo(_dropout_argument, call)
    if found is None or not (found.reading == "keep" or (found.reading is None and found.keep is not None)):
        return
    number = literal_number(found.value)
    hint = ""
    if found.keep is None and number is not None:
        hint = f" (positional {number} keeps {number:.0%} of the values; if it was PyTorch's drop rate, pass p={number})"
    ctx.report(DROPOUT_KEEP_PROB, found.value, (hint, _drop_rate(ctx, found.value)))


DROPOUT_KEEP_PROB = Rule(
    symbol="ms-dropout-keep-prob",
    node=nodes.Call,
    check=check_dropout_keep_prob,
    message="nn.Dropout's keep_prob is deprecated%s: pass the drop rate as p=%s",
    summary="nn.Dropout with a keep probability (keep_prob=, 1 - rate, or a positional 0.5 or more): correct but deprecated.",
    what=(
        "Checks `mindspore.nn.Dropout(keep_prob=...)` and positional arguments that read as a keep probability "
        "(`1 - rate`, a name containing `keep`, a literal of 0.5 or more, a value whose default or assignment is "
        "0.5 or more). A positional literal such as `nn.Dropout(0.7)` keeps 70%: the message says so, since "
        "PyTorch's `Dropout(0.7)` drops 70%. Positional arguments are not reported in code ported from "
        "TensorFlow 1.x, where keep_prob is the native convention."
    ),
    why="The code is right, but `keep_prob` is deprecated and differs from PyTorch's `p`; writing `p=` keeps one meaning across both frameworks.",
    fix=Applicability.DISPLAY_ONLY,
    fix_safety="No edit: rewriting `keep_prob=k` as `p=1 - k` is left to you (the message gives it).",
    oracle=Oracle.NONE,
    oracle_detail="deprecation only: keep_prob=k and p=1-k drop the same fraction",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Dropout.html",),
)


def check_dropout_rate(ctx: ModuleContext, call: nodes.Call) -> None:
    found = ctx.memo(_dropout_argument, call)
    if found is None or found.reading != "rate":
        return
    text = ctx.text(found.value)
    fix = Fix(f"Pass p={text}", (ctx.edit.replace(found.keep or found.value, f"p={text}"),), Applicability.UNSAFE)
    why = "; ".join(part for part in (found.origin, ctx.origin.describe()) if part)
    ctx.report(DROPOUT_RATE_AS_KEEP_PROB, found.value, (text, why, text), fix)


DROPOUT_RATE_AS_KEEP_PROB = Rule(
    symbol="ms-dropout-rate-as-keep-prob",
    node=nodes.Call,
    check=check_dropout_rate,
    message="nn.Dropout's first parameter is keep_prob in MindSpore: '%s' looks like a drop rate (%s), pass p=%s",
    summary="nn.Dropout(rate) positional: MindSpore reads it as keep_prob.",
    what=(
        "Checks `mindspore.nn.Dropout(x)` and `nn.Dropout(keep_prob=x)` where `x` looks like a drop rate: a literal "
        "below 0.5, a parameter whose default is one (reported at the default), or a name such as `dropout`, "
        "`drop_rate`, `p`. Legacy keep-probability code (`1 - rate`, `keep_prob`) is left to `ms-dropout-keep-prob`. Silent in code ported from TensorFlow 1.x "
        "(see [origin](../porting.md#origin)), whose dropout took keep_prob too."
    ),
    why="`Dropout(keep_prob=0.5, p=None)`: `Dropout(0.2)` keeps 20% and drops 80%, where PyTorch drops 20%; `Dropout(0.0)` raises ValueError.",
    fix=Applicability.UNSAFE,
    fix_safety="Passing the value as `p=` changes which fraction is dropped: right for PyTorch code, wrong if the value really was a keep probability.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Dropout.html",),
)


def _drop_rate(ctx: ModuleContext, keep: nodes.NodeNG) -> str:
    """The drop rate ``1 - keep`` spelled simply: ``1 - rate`` gives ``rate``, 0.8 gives 0.2."""
    number = literal_number(keep)
    if number is not None:
        return repr(round(1 - number, 10))
    if isinstance(keep, nodes.BinOp) and keep.op == "-" and literal_number(keep.left) == 1:
        return ctx.text(keep.right)
    text = ctx.text(keep)
    return f"1 - {text}" if isinstance(keep, (nodes.Name, nodes.Attribute, nodes.Call, nodes.Subscript)) else f"1 - ({text})"


def check_dropout_keep_as_rate(ctx: ModuleContext, node: nodes.Call) -> None:
    """``nn.Dropout(p=1 - rate)``: a keep probability (legacy ``keep_prob`` code) moved to ``p=``, the drop rate."""
    found = ctx.memo(_api_call, node)
    keyword = ast_queries.keyword(found[0], "p") if found is not None and found[1] == "mindspore.nn.Dropout" else None
    if keyword is None or _dropout_reading(keyword.value) != "keep" or literal_number(keyword.value) is not None:
        return
    rate = _drop_rate(ctx, keyword.value)
    fix = Fix(f"Pass p={rate}", (ctx.edit.replace(keyword.value, rate),), Applicability.UNSAFE)
    ctx.report(DROPOUT_KEEP_AS_RATE, keyword.value, (ctx.text(keyword.value), rate), fix)


DROPOUT_KEEP_AS_RATE = Rule(
    symbol="ms-dropout-keep-as-rate",
    node=nodes.Call,
    check=check_dropout_keep_as_rate,
    message="nn.Dropout(p=%s): p is the drop rate, but this reads as a keep probability: pass p=%s",
    summary="nn.Dropout(p=1 - rate) or p=keep_prob: a keep probability passed as the drop rate.",
    what=(
        "Checks `mindspore.nn.Dropout(p=...)` (also through `functools.partial`) whose value reads as a keep "
        "probability: `1 - x` or a name containing `keep`. It is what legacy `keep_prob=1 - dropout` code becomes "
        "when only the keyword is renamed."
    ),
    why=(
        "`p` is the fraction dropped, as in PyTorch; `keep_prob` was the fraction kept. `nn.Dropout(p=1 - 0.1)` "
        "drops 90% of the values where the original dropped 10%."
    ),
    fix=Applicability.UNSAFE,
    fix_safety="Passes the drop rate (`1 - (1 - x)` becomes `x`): right when the expression was a keep probability.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Dropout.html",),
)


def check_momentum(ctx: ModuleContext, node: nodes.Call) -> None:
    call, name = ctx.memo(_api_call, node) or (node, None)
    if ctx.origin.is_tensorflow or name not in _ms_layers_with_default("momentum", ("0.1", "0.9")):
        return
    params = calls.overloads(name)[0]
    use_batch_statistics = known_value(calls.passed(call, params, "use_batch_statistics"))
    if use_batch_statistics is not None and use_batch_statistics.value is False:
        return  # statistics never update: momentum has no effect
    passed = calls.passed(call, params, "momentum")
    known = known_value(passed)
    momentum = known.number if known is not None else None
    if momentum is None or not 0 < momentum < 0.5:
        return
    text = ctx.text(passed)
    converted = f"1 - {text}" if known.origin else repr(round(1 - momentum, 10))
    fix = Fix(f"Use momentum={converted}", (ctx.edit.replace(passed, converted),), Applicability.UNSAFE)
    shown = f"{text} ({known.origin})" if known.origin else text
    ctx.report(BATCHNORM_MOMENTUM, passed, (shown, ctx.origin.describe(), converted), fix)


BATCHNORM_MOMENTUM = Rule(
    symbol="ms-batchnorm-momentum",
    node=nodes.Call,
    check=check_momentum,
    message="BatchNorm momentum=%s looks like PyTorch's (%s): MindSpore's momentum is 1 - PyTorch's, use momentum=%s",
    summary="BatchNorm momentum below 0.5, PyTorch's convention (MindSpore's is 1 - m).",
    what=(
        "Checks MindSpore layers whose knowledge-base entry records PyTorch momentum 0.1 vs MindSpore 0.9 "
        "(`nn.BatchNorm1d/2d/3d`, also through `super().__init__` in a subclass) called with a literal momentum "
        "below 0.5, or with a parameter whose default is one (`def _bn(ch, momentum=0.1): return "
        "nn.BatchNorm2d(ch, momentum=momentum)`): reported at the default. Silent in code ported "
        "from TensorFlow (see [origin](../porting.md#origin)): TensorFlow's momentum (default 0.99) already has "
        "MindSpore's meaning."
    ),
    why="MindSpore updates `moving_mean = momentum * moving_mean + (1 - momentum) * batch_mean`; PyTorch weights the batch by momentum. `momentum=0.1` copied from PyTorch makes the running statistics follow each batch.",
    fix=Applicability.UNSAFE,
    fix_safety="Replaces m by 1 - m; if the value was meant in MindSpore's convention the fix is wrong.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.BatchNorm2d.html",),
)


def check_padding(ctx: ModuleContext, node: nodes.Call) -> None:
    call, name = ctx.memo(_api_call, node) or (node, None)
    if name is None:
        return
    params = (calls.overloads(name) or ((),))[0]
    pad_mode = calls.param(params, "pad_mode")
    if pad_mode is None or calls.param(params, "padding") is None or calls.passed(call, params, "pad_mode") is not None:
        return
    padding = calls.passed(call, params, "padding")
    if padding is None or _is_literally(padding, 0) or (isinstance(padding, nodes.Const) and isinstance(padding.value, str)):
        return
    edit = ctx.edit.add_keyword(call, "pad_mode='pad'")
    applicability = Applicability.SAFE if _is_literal(padding) else Applicability.UNSAFE
    fix = Fix("Add pad_mode='pad'", (edit,), applicability) if edit else None
    ctx.report(PADDING_WITHOUT_PAD_MODE, call.func, (name.rsplit(".", 1)[1], pad_mode.default), fix)


PADDING_WITHOUT_PAD_MODE = Rule(
    symbol="ms-padding-without-pad-mode",
    node=nodes.Call,
    check=check_padding,
    message="%s(padding=...) needs pad_mode='pad' in MindSpore (default %s): add pad_mode='pad'",
    summary="padding= without pad_mode='pad' on a MindSpore conv or pooling layer.",
    what="Checks calls of MindSpore APIs having both `pad_mode` and `padding` parameters (`nn.Conv*d`, `nn.MaxPool*d`, `nn.AvgPool*d`) that pass a padding other than a literal 0 without `pad_mode`.",
    why="The default `pad_mode` is `'same'` (conv) or `'valid'` (pooling), which rejects an explicit padding: `ValueError: For 'Conv2D', the 'pad' must be zero when 'pad_mode' is not 'pad'`.",
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety="Safe when the padding is a non-zero literal (the call raised). When it is computed and may be 0 at run time the fix changes 'same' padding to none, so it is offered as unsafe.",
    oracle_detail="ValueError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Conv2d.html",),
)


def _ported_from_pytorch(ctx: ModuleContext) -> bool:
    """The file itself shows its PyTorch origin (it imports torch or uses PyTorch idioms), or the project says it is a
    port (``profile = "migration"``); never a file ported from TensorFlow."""
    return not ctx.origin.is_tensorflow and (ctx.origin.in_file or ctx.settings.profile == "migration")


def check_same_padding_stride(ctx: ModuleContext, node: nodes.Call) -> None:
    call, name = ctx.memo(_api_call, node) or (node, None)
    if name is None or "Transpose" in name or not _ported_from_pytorch(ctx):
        return
    params = (calls.overloads(name) or ((),))[0]
    if not all(calls.param(params, parameter) for parameter in ("pad_mode", "kernel_size", "stride")):
        return
    pad_mode = known_value(calls.passed(call, params, "pad_mode"))
    strides = _known_ints(calls.passed(call, params, "stride"))
    kernels = _known_ints(calls.passed(call, params, "kernel_size"))
    if pad_mode is None or str(pad_mode.value).lower() != "same" or not strides or not kernels:
        return
    if max(strides) > 1 and max(kernels) > 1:
        padding = max(kernels) // 2
        ctx.report(SAME_PADDING_STRIDE, call.func, (name.rsplit(".", 1)[1], max(strides), padding, padding))


def _known_ints(node: nodes.NodeNG | None) -> list[int]:
    """The ints an argument holds (``3``, ``(3, 3)``, a name bound to one); empty when any is unknown."""
    elements = node.elts if isinstance(node, (nodes.Tuple, nodes.List)) else [node]
    values = [known_value(element) for element in elements if element is not None]
    if len(values) != len(elements) or any(value is None or not isinstance(value.number, int) for value in values):
        return []
    return [value.number for value in values]


SAME_PADDING_STRIDE = Rule(
    symbol="ms-same-padding-stride",
    node=nodes.Call,
    check=check_same_padding_stride,
    message="%s(pad_mode='same', stride=%s) pads only the bottom/right side of an even-sized input; PyTorch's padding=%s pads both sides: use pad_mode='pad', padding=%s if the original did",
    summary="pad_mode='same' with a stride above 1 in code ported from PyTorch: asymmetric padding.",
    what=(
        "Checks MindSpore layers with `pad_mode`, `kernel_size` and `stride` parameters (`nn.Conv*d`, "
        "`nn.MaxPool*d`, `nn.AvgPool*d`; not the transposed convolutions) called with `pad_mode='same'`, a stride "
        "above 1 and a kernel above 1, in a file that shows its PyTorch origin (it imports torch or uses PyTorch "
        "idioms) or under `profile = \"migration\"`. Silent in code ported from TensorFlow, whose `'SAME'` pads "
        "the same way (see [origin](../porting.md#origin))."
    ),
    why=(
        "PyTorch pads `padding` on both sides. MindSpore's `'same'` pads what the stride needs, and with a stride "
        "of 2 on an even size that is one row and column at the bottom/right only: `Conv2d(3, 5, 3, stride=2, "
        "pad_mode='same')` and PyTorch's `Conv2d(3, 5, 3, stride=2, padding=1)` give the same shape on an 8x8 input "
        "and values that differ by up to 2.2 with the same weights (MindSpore 2.10, CPU)."
    ),
    fix=Applicability.DISPLAY_ONLY,
    fix_safety="No edit: which padding the original used is not in the port; the message gives kernel_size // 2.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Conv2d.html",),
)


def check_pool_stride(ctx: ModuleContext, node: nodes.Call) -> None:
    call, name = ctx.memo(_api_call, node) or (node, None)
    if (ctx.framework != "mixed" and ctx.settings.profile != "migration") or ctx.origin.is_tensorflow:
        return
    if name not in _ms_layers_with_default("stride", ("None", "1")):
        return
    params = calls.overloads(name)[0]
    kernel = calls.passed(call, params, "kernel_size")
    if kernel is None or calls.passed(call, params, "stride") is not None:
        return
    text = ctx.text(kernel)
    edit = ctx.edit.add_keyword(call, f"stride={text}")
    fix = Fix(f"Add stride={text}", (edit,), Applicability.UNSAFE) if edit else None
    ctx.report(POOL_STRIDE_DEFAULT, call.func, (f"{name.rsplit('.', 1)[1]}({text})", ctx.origin.describe(), text), fix)


POOL_STRIDE_DEFAULT = Rule(
    symbol="ms-pool-stride-default",
    node=nodes.Call,
    check=check_pool_stride,
    message="%s without stride: MindSpore's default stride is 1, PyTorch's is kernel_size (%s); pass stride=%s",
    summary="Pooling layer without stride in code being ported from PyTorch.",
    what=(
        "Checks MindSpore pooling layers whose knowledge-base entry records a stride default differing from "
        "PyTorch's (`nn.MaxPool1d/2d/3d`, `nn.AvgPool1d/2d/3d`) called without a stride, only in a file that "
        "shows it is being ported (it imports both torch and mindspore) or under `profile = \"migration\"`: "
        "MindSpore-native code may well mean stride 1. Silent in code ported from TensorFlow (see "
        "[origin](../porting.md#origin)), whose pooling has no stride default."
    ),
    why="`MaxPool2d(2)` halves the feature map in PyTorch; in MindSpore it keeps almost the full size (stride 1), and later shapes break or silently change.",
    fix=Applicability.UNSAFE,
    fix_safety="Adds `stride=<kernel_size>`, PyTorch's behaviour, which changes the output shape.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.MaxPool2d.html",),
)


def check_defaults(ctx: ModuleContext, node: nodes.Call) -> None:
    call, name = ctx.memo(_api_call, node) or (node, None)
    if name is None or not _ported_from_pytorch(ctx):
        return
    overloads = calls.overloads(name)
    if not overloads or any(kw.arg is None for kw in call.keywords or ()):
        return
    params = overloads[0]
    short = name.rsplit(".", 1)[1]
    reported: set[str] = set()
    for difference in default_differences(name, ctx.settings.mindspore_version):
        if difference.ms_param in reported or _default_owned_elsewhere(call, params, difference.ms_param):
            continue
        if calls.param(params, difference.ms_param) is None or calls.passed(call, params, difference.ms_param) is not None:
            continue
        if difference.torch_param and ast_queries.keyword(call, difference.torch_param) is not None:
            continue  # PyTorch's own keyword left in the call (bias=False) says what was meant; another rule reports it
        reported.add(difference.ms_param)
        keyword = f"{difference.ms_param}={difference.fix}"
        edit = ctx.edit.add_keyword(call, keyword)
        torch_side = f"{difference.torch_param}={difference.torch_default}" if difference.torch_param else "its defaults"
        fix = Fix(f"Add {keyword}", (edit,), Applicability.UNSAFE) if edit else None
        ctx.report(DEFAULT_DIFFERS, call.func, (short, difference.ms_param, difference.ms_default, difference.torch_api, torch_side, keyword), fix)


def _default_owned_elsewhere(call: nodes.Call, params: tuple[Param, ...], ms_param: str) -> bool:
    """Defaults another rule reports (pooling strides; a Conv's pad_mode beside a non-zero padding) or that change
    nothing here (pad_mode 'same' of a kernel of size 1)."""
    if ms_param == "stride":
        return True
    if ms_param != "pad_mode":
        return False
    padding, kernel = calls.passed(call, params, "padding"), calls.passed(call, params, "kernel_size")
    return (padding is not None and not _is_literally(padding, 0)) or (kernel is not None and _is_literally(kernel, 1))


DEFAULT_DIFFERS = Rule(
    symbol="ms-default-differs",
    node=nodes.Call,
    check=check_defaults,
    message="%s() relies on MindSpore's default %s=%s; %s with %s computes something else: pass %s",
    summary="A call relies on a MindSpore default that computes something else than PyTorch's default.",
    what=(
        "Checks calls of MindSpore APIs that omit a parameter whose default makes them compute something else "
        "than their PyTorch counterpart, as recorded by running both frameworks with their defaults "
        "(`mslint/knowledge/data/default_diffs.json`, rows `differs`): Conv `has_bias` and `pad_mode`, GELU "
        "`approximate`, LayerNorm `epsilon`, LeakyReLU / `ops.leaky_relu` `alpha`, `std`/`var` "
        "`ddof`, `multinomial` `replacement`, optimizer learning rates and more. Only in a file that shows its "
        "PyTorch origin (it imports torch, or uses PyTorch idioms such as `forward` or `inplace=`) or under "
        "`profile = \"migration\"` (a ported project whose files no longer show it): MindSpore-native code means "
        "MindSpore's defaults. Pooling strides, and a Conv's `pad_mode` beside a non-zero padding, have "
        "their own rules; a value that depends on the call (Softmax's implicit axis) is not reported. Silent in "
        "code ported from TensorFlow (see [origin](../porting.md#origin))."
    ),
    why="Code ported line by line keeps PyTorch's intent but silently gets MindSpore's default: `nn.GELU()` is the tanh approximation, PyTorch's is exact.",
    fix=Applicability.UNSAFE,
    fix_safety=(
        "Adds the keyword with which MindSpore computed PyTorch's result in the recorded run (`approximate=False`, "
        "`has_bias=True`); unsafe because it changes what the code computes."
    ),
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.GELU.html",),
)


@dataclass(frozen=True)
class _TypeFact:
    """What MindSpore's validator does with one parameter's literal kinds."""

    rejects: dict[str, str]  # literal kind (int, float, bool, str, none, tuple, list) -> the TypeError it raises
    accepts: tuple[str, ...]
    when: str = "construction"  # or "call": the Cell raises when it runs
    with_arguments: dict[str, str] = field(default_factory=dict)  # other arguments the accepted call needs

    @property
    def float_required(self) -> bool:
        return "int" in self.rejects and "float" not in self.rejects and "float" in self.accepts


def _type_facts(ctx: ModuleContext, call: nodes.Call) -> tuple[str, tuple, dict[str, _TypeFact]] | None:
    """(name, parameters, facts) for a call building a MindSpore class or calling a function whose validators reject
    literal kinds: the surface's claims (construction, each confirmed by a TypeError), and the call-time claims of
    ``ms_arg_types.json`` (which the surface, probing construction only, does not cover)."""
    found = _binding(ctx, call)
    if found is None or found.callee.role not in ("init", "function"):
        return None
    surface = load_surface(ctx.settings.mindspore_version)
    facts = {name: _TypeFact(claim.rejects, claim.accepts) for name, claim in surface.argument_claims(found.callee.key).items()}
    for name, fact in (load_argument_types().get(found.qualname) or {}).items():
        if fact.when == "call":
            rejects = {"int": "TypeError"} if "float" in fact.requires else {}
            facts[name] = _TypeFact({**rejects, **({"none": "TypeError"} if "not-none" in fact.requires else {})}, ("float",), fact.when, fact.with_arguments)
    return (found.callee.name, found.overloads[0], facts) if facts else None


def _literal_kind(value: nodes.NodeNG) -> str | None:
    """The literal kind the surface's claims name: int, float, bool, str, none, tuple, list."""
    if isinstance(value, nodes.Tuple):
        return "tuple"
    if isinstance(value, nodes.List):
        return "list"
    number = literal_number(value)
    if number is not None:
        return type(number).__name__
    if isinstance(value, nodes.Const):
        return {bool: "bool", str: "str", type(None): "none"}.get(type(value.value))
    return None


def check_argument_types(ctx: ModuleContext, call: nodes.Call) -> None:
    found = ctx.memo(_type_facts, call)
    if found is None:
        return
    short, params, facts = found
    for parameter, fact in facts.items():
        passed = calls.passed(call, params, parameter)
        if passed is None:
            continue
        default = parameter_default(passed)
        value = default[0] if default else passed
        shown = f"{ctx.text(passed)} ({default[1]})" if default else ctx.text(passed)
        elements = value.elts if isinstance(value, (nodes.Tuple, nodes.List)) else [value]
        ints = [e for e in elements if isinstance(e, nodes.Const) and type(e.value) is int]
        kind = _literal_kind(value)
        if fact.float_required and ints and len(ints) == len(elements):
            _report_int_for_float(ctx, call, short, parameter, fact, passed, value, ints, shown)
        elif kind == "none" and "none" in fact.rejects:
            kernel = calls.passed(call, params, "kernel_size") if parameter == "stride" else None
            fix = Fix(f"Use {parameter}={ctx.text(kernel)}", (ctx.edit.replace(passed, ctx.text(kernel)),), Applicability.UNSAFE) if kernel is not None else None
            hint = f"; PyTorch's stride=None means the kernel size: pass stride={ctx.text(kernel)}" if kernel is not None else ": pass a value"
            ctx.report(ARGUMENT_TYPE, passed, (short, parameter, shown, f"MindSpore does not accept None here (TypeError){hint}"), fix)
        elif kind in fact.rejects:
            _report_rejected_kind(ctx, short, parameter, fact, passed, value, kind, shown)


def _report_rejected_kind(ctx: ModuleContext, short: str, parameter: str, fact: _TypeFact, passed: nodes.NodeNG,
                          value: nodes.NodeNG, kind: str, shown: str) -> None:
    """A literal of a kind the validator rejects, with the TypeError MindSpore raised for it; an int where a tuple or
    list is wanted becomes ``(n,)`` (PyTorch's ``LayerNorm(64)`` is ``normalized_shape=(64,)``)."""
    fix = None
    if kind == "int" and value is passed and {"tuple", "list"} & set(fact.accepts):
        fix = Fix(f"Use ({ctx.text(passed)},)", (ctx.edit.replace(passed, f"({ctx.text(passed)},)"),), Applicability.UNSAFE)
    article = "an" if kind == "int" else "a"
    error = re.split(r",? but got", fact.rejects[kind], maxsplit=1)[0].rstrip(".")  # the probe's literal is not the call's
    advice = f"{article} {kind} raises {error}" + (f"; PyTorch's int is the shape ({ctx.text(passed)},)" if fix else "")
    ctx.report(ARGUMENT_TYPE, passed, (short, parameter, shown, advice), fix)


ARGUMENT_TYPE = Rule(
    symbol="ms-argument-type",
    node=nodes.Call,
    check=check_argument_types,
    message="%s(%s=%s): %s",
    summary="An int where MindSpore requires a float (nn.Upsample(scale_factor=2)), or None where it requires a value.",
    what=(
        "Checks calls of MindSpore classes whose validators reject a literal type, from `ms_arg_types.json` (read from "
        "MindSpore's own `check_value_type`/`check_is_float` calls and confirmed by running each): an int literal where "
        "only float is accepted (`nn.Momentum(momentum=0)`, `nn.RMSProp(momentum=0)`, `nn.Upsample(scale_factor=2)`, "
        "`nn.CrossEntropyLoss(label_smoothing=0)`) and `None` where a value is required (`nn.MaxPool2d(k, stride=None)`, "
        "PyTorch's default). A parameter default carried through a wrapper is followed: the finding is at the call, and "
        "the message says where the default is."
    ),
    why=(
        "PyTorch accepts ints for float arguments and `None` for 'use the default'; MindSpore raises `TypeError: For "
        "'Momentum', the type of 'momentum' should be 'float'` when the Cell is built (for `nn.Upsample`, when it runs)."
    ),
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety=(
        "`2` becomes `2.0` (safe: the call raised). `nn.Upsample` also needs `recompute_scale_factor=True` for its "
        "nearest/linear modes in 2.10, which the fix adds (unsafe: it changes how source indices are computed for "
        "fractional factors). `stride=None` on pooling becomes the kernel size, PyTorch's meaning (unsafe). Other "
        "`None` arguments have no fix."
    ),
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Upsample.html", f"{MS_API_DOCS}/nn/mindspore.nn.Momentum.html"),
)


def _report_int_for_float(ctx: ModuleContext, call: nodes.Call, short: str, parameter: str, fact: _TypeFact,
                          passed: nodes.NodeNG, value: nodes.NodeNG, ints: list[nodes.Const], shown: str) -> None:
    """Ints where MindSpore wants floats: written at the call (they become floats), or a parameter's default
    (the call converts: ``float(scale)``; no edit for a tuple default)."""
    floats = ctx.text(value)
    for element in sorted(ints, key=lambda e: (e.lineno, e.col_offset), reverse=True):
        start, end = ctx.edit.start(element) - ctx.edit.start(value), ctx.edit.end(element) - ctx.edit.start(value)
        floats = floats[:start] + f"{element.value}.0" + floats[end:]
    if value is passed:
        edits = [ctx.edit.replace(element, f"{element.value}.0") for element in ints]
    elif isinstance(value, nodes.Const):
        floats = f"float({ctx.text(passed)})"
        edits = [ctx.edit.replace(passed, floats)]
    else:
        edits = []
    extra = [f"{key}={text}" for key, text in fact.with_arguments.items() if ast_queries.keyword(call, key) is None]
    applicability = Applicability.SAFE
    if extra:
        edit = ctx.edit.add_keyword(call, ", ".join(extra))
        edits = [*edits, edit] if edit is not None and value in call.args + [kw.value for kw in call.keywords or ()] else []
        applicability = Applicability.UNSAFE
    when = " when the Cell runs" if fact.when == "call" else ""
    advice = f"use {floats}" + (f" with {', '.join(extra)}" if extra else "")
    fix = Fix(f"Use {floats}", tuple(edits), applicability) if edits else None
    ctx.report(ARGUMENT_TYPE, passed, (short, parameter, shown, f"MindSpore requires a float, an int raises TypeError{when}: {advice}"), fix)


# PyTorch names and calls


def check_torch_name(ctx: ModuleContext, node: nodes.Attribute) -> None:
    if ctx.framework == "compat":
        return
    name = names.qualified_name(node)
    if not names.is_mindspore_name(name) or name in ctx.patched:
        return
    version = ctx.settings.mindspore_version
    if load_signatures().exists(name, version) is not False:
        return
    entry = load_torch_mapping().get("torch." + name.split(".", 1)[1])
    if entry is None or entry.ms is None or load_signatures().exists(entry.ms, version) is not True:
        return
    namespace, _, target = entry.ms.rpartition(".")
    fix = None
    if namespace == name.rpartition(".")[0]:
        call = node.parent if isinstance(node.parent, nodes.Call) and node.parent.func is node else None
        exact = entry.kind in ("exact", "renamed-args") and (call is None or calls.positional_compatible(entry, len(call.args)))
        fix = Fix(f"Use {target}", (ctx.edit.rename(node, node.attrname, target),), Applicability.SAFE if exact else Applicability.UNSAFE)
    note = f" ({entry.note})" if entry.kind == "semantic-diff" and entry.note else ""
    ctx.claim(node, TORCH_NAME_ON_MINDSPORE)  # not also an unknown name: this rule names the MindSpore equivalent
    ctx.report(TORCH_NAME_ON_MINDSPORE, node, (name, version, entry.ms, note), fix)


TORCH_NAME_ON_MINDSPORE = Rule(
    symbol="ms-torch-name-on-mindspore",
    node=nodes.Attribute,
    check=check_torch_name,
    message="%s does not exist in MindSpore %s: use %s%s",
    summary="A PyTorch class or function name used on a MindSpore namespace (nn.Module, nn.Sequential, nn.ModuleList).",
    what=(
        "Checks `mindspore.<namespace>.<Name>` references that the signature table says do not exist in the "
        "targeted MindSpore version while the knowledge base maps `torch.<namespace>.<Name>` to a MindSpore API: "
        "`nn.Module` -> `nn.Cell`, `nn.Sequential` -> `nn.SequentialCell`, `nn.ModuleList` -> `nn.CellList`, "
        "`nn.ModuleDict` -> `nn.CellDict` (`nn.Linear` exists in 2.10 and is not reported)."
    ),
    why="The name raises `AttributeError: module 'mindspore.nn' has no attribute 'Module'` when the module is imported.",
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety=(
        "Safe when the mapping is exact or only renames arguments and the positional arguments keep their meaning; "
        "unsafe when behaviour differs (`Module` -> `Cell`: a Cell starts in inference mode; `CellDict` cannot "
        "hold CellList/SequentialCell/CellDict or None)."
    ),
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.SequentialCell.html", f"{MS_API_DOCS}/nn/mindspore.nn.CellDict.html"),
)


def check_torch_call(ctx: ModuleContext, call: nodes.Call) -> None:
    if ctx.framework != "mixed" or ctx.bridge or ctx.memo(_mindspore_callee, call) is not None:
        return
    name = ctx.callee(call)
    entry = load_torch_mapping().get(name) if names.is_torch_name(name) else None
    if entry is None or calls.is_numpy_bridge(call, name):
        return
    fix = _torch_call_fix(ctx, call, entry) if entry.ms and entry.kind in ("exact", "renamed-args") else None
    ctx.report(TORCH_API_IN_MINDSPORE, call.func, (name, _advice(entry)), fix)


TORCH_API_IN_MINDSPORE = Rule(
    symbol="ms-torch-api",
    node=nodes.Call,
    check=check_torch_call,
    message="PyTorch API %s in MindSpore code: %s",
    summary="A PyTorch call left in a file that also uses MindSpore.",
    what=(
        "Checks calls of PyTorch APIs in files that import both torch and mindspore (a port in progress), with "
        "the knowledge base's MindSpore equivalent. Files importing only torch are not reported (that is what "
        "`mslint readiness` is for), nor files that use PyTorch on purpose: weight converters (`torch.load` and "
        "`save_checkpoint`/`load_param_into_net`), alignment scripts comparing both frameworks (`np.allclose`, "
        "`np.testing.assert_allclose`, ...), files named for it (`convert_weight.py`, `pth2ckpt.py`, `align/`), and "
        "`torch.tensor(x.numpy())`-style hand-overs of a tensor to PyTorch."
    ),
    why=(
        "Mixing frameworks in one model converts tensors at every boundary or fails outright: `torch.cat` on "
        "MindSpore tensors raises `TypeError: expected Tensor as element 0 in argument 0, but got Tensor`."
    ),
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety=(
        "Safe for `exact` mappings (same arguments): the call is renamed and the MindSpore namespace imported if "
        "needed. Unsafe when arguments change: positional arguments become keywords, then keywords are renamed "
        "(PaConvert's order). An `inplace=` keyword MindSpore lacks is dropped (`nn.ReLU(inplace=True)` -> "
        "`nn.ReLU()`: MindSpore layers return a new tensor, tests/oracle/test_inplace_rewrite.py). No fix for `semantic-diff` mappings or APIs without an equivalent (the message "
        "gives the note and documentation)."
    ),
    oracle_detail="TypeError",  # torch rejects a MindSpore tensor; each mapping is checked by the torch-mapping oracle
    references=(f"{MS_DOCS}/note/api_mapping/pytorch_api_mapping.html",),
)


def check_unbound_torch(ctx: ModuleContext, module: nodes.Module) -> None:
    """``torch.<name>`` where nothing binds ``torch`` (the import was removed during the port)."""
    if ctx.framework != "mindspore":
        return
    for node in ast_queries.descendants(module, nodes.Name):
        if node.name == "torch" and ast_queries.is_unbound(node) and not _postponed_annotation(node):
            _report_unbound_torch(ctx, node)


TORCH_NOT_IMPORTED = Rule(
    symbol="ms-torch-not-imported",
    node=nodes.Module,
    check=check_unbound_torch,
    message="%s is a PyTorch leftover and 'torch' is not imported here (NameError): %s",
    summary="A torch.* name left in a MindSpore file after `import torch` was removed.",
    what=(
        "Checks files importing mindspore for `torch.<name>` expressions (calls, decorators such as "
        "`@torch.no_grad()`, context managers, `isinstance(x, torch.Tensor)`) where no import, assignment or "
        "parameter binds `torch`: the port removed or commented out `import torch` but not every use. The "
        "message gives the knowledge base's MindSpore counterpart."
    ),
    why="The name is looked up when the line runs (for a decorator: when the module is imported) and raises `NameError: name 'torch' is not defined`.",
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety="As `ms-torch-api`: safe renames for `exact` mappings (the MindSpore namespace is imported if needed), unsafe when arguments change, no edit for `semantic-diff` mappings or names without an equivalent.",
    oracle_detail="NameError",
    references=(f"{MS_DOCS}/note/api_mapping/pytorch_api_mapping.html",),
)


def _report_unbound_torch(ctx: ModuleContext, node: nodes.Name) -> None:
    outer: nodes.NodeNG = node
    while isinstance(outer.parent, nodes.Attribute) and outer.parent.expr is outer:
        outer = outer.parent
    dotted = ctx.text(outer) if isinstance(outer, nodes.Attribute) else "torch"
    dotted = "".join(dotted.split())
    entry = _longest_known(dotted)
    call = outer.parent if isinstance(outer.parent, nodes.Call) and outer.parent.func is outer else None
    if entry is None:
        advice = "port it to MindSpore or delete it"
    else:
        advice = _advice(entry) if entry.torch == dotted else f"{entry.torch}: {_advice(entry)}"
    fix = None
    if entry is not None and entry.torch == dotted and call is not None and entry.ms and entry.kind in ("exact", "renamed-args"):
        fix = _torch_call_fix(ctx, call, entry)
    ctx.report(TORCH_NOT_IMPORTED, outer, (dotted, advice), fix)


# Keywords the rewrite of a PyTorch call drops where MindSpore has no such parameter (as ms-unsupported-inplace does:
# MindSpore layers return a new tensor, so the result is kept).
DROPPED_ON_REWRITE = frozenset({"inplace"})


def _torch_call_fix(ctx: ModuleContext, call: nodes.Call, entry: ApiMapping) -> Fix | None:
    module = call.root()
    edits: list[Edit] = []
    spelled = names.spelling(module, entry.ms)
    if spelled is None:
        namespace, _, attribute = entry.ms.rpartition(".")
        parent, _, local = namespace.rpartition(".")
        if not parent or local in module.locals:
            return None
        spelled = f"{local}.{attribute}"
        edits.append(ctx.edit.insert_import(module, f"from {parent} import {local}"))
    edits.append(ctx.edit.replace(call.func, spelled))
    dropped = [kw for kw in call.keywords or () if kw.arg in DROPPED_ON_REWRITE and kw.arg in entry.unsupported_args]
    used = {kw.arg for kw in call.keywords or () if kw not in dropped} | set(entry.torch_args[: len(call.args)] if entry.torch_args else ())
    if used & set(entry.unsupported_args):
        return None
    edits += [ctx.edit.remove_argument(call, keyword) for keyword in dropped]
    if entry.kind == "exact" or (not entry.kwargs_change and calls.positional_compatible(entry, len(call.args))):
        return Fix(f"Use {spelled}", tuple(edits), Applicability.SAFE)
    if dropped:
        return None
    argument_edits = _keyword_arguments(ctx, call, entry)
    if argument_edits is None:
        return None
    return Fix(f"Use {spelled}", (*edits, *argument_edits), Applicability.UNSAFE)


def _keyword_arguments(ctx: ModuleContext, call: nodes.Call, entry: ApiMapping) -> list[Edit] | None:
    """Positional arguments named by torch_args, then every keyword renamed by kwargs_change."""
    if any(isinstance(arg, nodes.Starred) for arg in call.args) or entry.torch_args is None:
        return None
    if len(call.args) > len(entry.torch_args) or any(a.startswith("*") for a in entry.torch_args[: len(call.args)]):
        return None
    accepted = {p.name for o in calls.overloads(entry.ms) for p in o}
    edits = []
    pairs = [(torch_name, value, value) for torch_name, value in zip(entry.torch_args, call.args)]
    pairs += [(kw.arg, kw.value, kw) for kw in call.keywords or () if kw.arg is not None]
    for torch_name, value, node in pairs:
        target = entry.kwargs_change.get(torch_name, torch_name)
        text = ctx.text(value)
        if target == "":
            edits.append(ctx.edit.remove_argument(call, node))
            continue
        parts = target.split(",")
        if accepted and not set(parts) <= accepted:
            return None
        if len(parts) > 1:
            if not isinstance(value, nodes.Tuple) or len(value.elts) != len(parts):
                return None
            text = ", ".join(f"{part}={ctx.text(elt)}" for part, elt in zip(parts, value.elts))
        else:
            text = f"{target}={text}"
        edits.append(ctx.edit.replace(node, text))
    return edits


def _advice(entry: ApiMapping) -> str:
    """The knowledge base's advice for a PyTorch API."""
    if entry.ms is None:
        where = f" ({entry.doc})" if entry.doc else ""
        return f"no MindSpore equivalent: {entry.note}{where}"
    return f"use {entry.ms}" + (f" ({entry.note})" if entry.kind != "exact" and entry.note else "")


def _longest_known(dotted: str) -> ApiMapping | None:
    """The knowledge-base entry of the longest prefix of a dotted torch name (``torch.cuda.amp.autocast``)."""
    parts = dotted.split(".")
    mapping = load_torch_mapping()
    for end in range(len(parts), 1, -1):
        entry = mapping.get(".".join(parts[:end]))
        if entry is not None:
            return entry
    return None


def _postponed_annotation(node: nodes.NodeNG) -> bool:
    """Inside an annotation that ``from __future__ import annotations`` keeps from being evaluated."""
    module = node.root()
    if not any(imp.modname == "__future__" and any(n == "annotations" for n, _ in imp.names) for imp in ast_queries.descendants(module, nodes.ImportFrom)):
        return False
    child, parent = node, node.parent
    while parent is not None and not isinstance(parent, nodes.Module):
        if isinstance(parent, nodes.Arguments) and (child in parent.annotations or child in parent.kwonlyargs_annotations or child in (parent.varargannotation, parent.kwargannotation) or child in parent.posonlyargs_annotations):
            return True
        if (isinstance(parent, nodes.FunctionDef) and child is parent.returns) or (isinstance(parent, nodes.AnnAssign) and child is parent.annotation):
            return True
        child, parent = parent, parent.parent
    return False


def _dropout_reading(value: nodes.NodeNG) -> str | None:
    """'rate' when a Dropout argument reads as a drop rate, 'keep' as a keep probability, else None."""
    number = literal_number(value)
    if number is not None:
        return "rate" if number < 0.5 else "keep"
    if _is_one_minus(value):
        return "keep"
    word = value.name if isinstance(value, nodes.Name) else value.attrname if isinstance(value, nodes.Attribute) else None
    if word is None:
        return None
    word = word.lower()
    if "keep" in word:
        return "keep"
    return "rate" if word == "p" or word.endswith("_p") or any(part in word for part in _RATE_WORDS) else None


def _is_one_minus(value: nodes.NodeNG) -> bool:
    """``1 - x`` (or ``1.0 - x``)."""
    return isinstance(value, nodes.BinOp) and value.op == "-" and literal_number(value.left) == 1


def _is_literally(node: nodes.NodeNG, number: int) -> bool:
    """``node`` is the number literal, or a tuple/list of it (``0``, ``(1, 1)``)."""
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return all(_is_literally(elt, number) for elt in node.elts)
    return literal_number(node) == number


def _is_literal(node: nodes.NodeNG) -> bool:
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return all(_is_literal(elt) for elt in node.elts)
    return literal_number(node) is not None
