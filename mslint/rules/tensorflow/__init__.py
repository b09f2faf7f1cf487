"""TensorFlow 1.x leftovers in MindSpore code (75xx): NHWC layouts and windows, TensorFlow padding spellings,
TensorFlow tensor methods and APIs, labels-first loss calls and checkpoint kernels copied without a transpose.

The facts each rule relies on (which layers raise on what) are checked on MindSpore 2.10 CPU by
``tests/oracle/test_tf_facts.py``; the API counterparts come from ``mslint/knowledge/data/tf_mapping.json``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE

from mslint.analysis import ast_queries, calls, names
from mslint.analysis.values import literal_number
from mslint.core.edits import Applicability, Fix
from mslint.engine.checker import FamilyChecker
from mslint.engine.context import ModuleContext
from mslint.engine.rule import MS_API_DOCS, Oracle, Rule, declared_rules
from mslint.knowledge.mappings import TfMapping, tf_mapping_for

TF_MAPPING_PAGE = "https://www.mindspore.cn/docs/en/r2.1/note/api_mapping/tensorflow_api_mapping.html"


# Facts checked on MindSpore 2.10 CPU by tests/oracle/test_tf_facts.py.
NHWC_GPU_ONLY = frozenset(
    {"mindspore.nn.Conv2d", "mindspore.nn.BatchNorm2d", "mindspore.nn.MaxPool2d", "mindspore.nn.AvgPool2d", "mindspore.ops.Conv2D"}
)
WINDOW_PARAMETERS: dict[str, tuple[str, ...]] = {
    "mindspore.nn.Conv2d": ("kernel_size", "stride", "dilation"),
    "mindspore.nn.Conv2dTranspose": ("kernel_size", "stride", "dilation"),
    "mindspore.nn.MaxPool2d": ("kernel_size", "stride"),
    "mindspore.nn.AvgPool2d": ("kernel_size", "stride"),
    "mindspore.ops.conv2d": ("stride", "dilation"),
    "mindspore.ops.max_pool2d": ("kernel_size", "stride"),
    "mindspore.ops.avg_pool2d": ("kernel_size", "stride"),
    "mindspore.ops.MaxPool": ("kernel_size", "strides"),
    "mindspore.ops.AvgPool": ("kernel_size", "strides"),
    "mindspore.ops.Conv2D": ("kernel_size",),  # its stride/dilation take NCHW 4-tuples (1, 1, h, w)
}
PAD_MODE_LOWER_CASE_ONLY = frozenset(
    {"mindspore.nn.Conv1d", "mindspore.nn.Conv2d", "mindspore.nn.Conv1dTranspose", "mindspore.nn.Conv2dTranspose",
     "mindspore.ops.Conv2D", "mindspore.ops.conv1d", "mindspore.ops.conv2d"}
)
PAD_MODE_ANY_CASE = frozenset(
    {"mindspore.nn.Conv3d", "mindspore.nn.Conv3dTranspose", "mindspore.nn.MaxPool1d", "mindspore.nn.MaxPool2d",
     "mindspore.nn.MaxPool3d", "mindspore.nn.AvgPool1d", "mindspore.nn.AvgPool2d", "mindspore.nn.AvgPool3d",
     "mindspore.ops.Conv3D", "mindspore.ops.conv3d", "mindspore.ops.MaxPool", "mindspore.ops.AvgPool",
     "mindspore.ops.MaxPool3D", "mindspore.ops.AvgPool3D", "mindspore.ops.Conv2DTranspose"}
)
TF_TENSOR_METHODS = frozenset({"get_shape", "set_shape"})
# Loss Cells whose construct takes (prediction, label): their parameter names in MindSpore 2.10.
PREDICTION_FIRST_LOSSES: dict[str, tuple[str, str]] = {
    "mindspore.nn.SoftmaxCrossEntropyWithLogits": ("logits", "labels"),
    "mindspore.nn.CrossEntropyLoss": ("logits", "labels"),
    "mindspore.nn.BCELoss": ("logits", "labels"),
    "mindspore.nn.BCEWithLogitsLoss": ("input", "target"),
    "mindspore.nn.MSELoss": ("logits", "labels"),
    "mindspore.nn.L1Loss": ("logits", "labels"),
    "mindspore.nn.SmoothL1Loss": ("logits", "labels"),
    "mindspore.nn.HuberLoss": ("logits", "labels"),
    "mindspore.nn.NLLLoss": ("logits", "labels"),
    "mindspore.nn.KLDivLoss": ("logits", "labels"),
    "mindspore.nn.FocalLoss": ("logits", "labels"),
    "mindspore.nn.DiceLoss": ("logits", "label"),
    "mindspore.nn.RMSELoss": ("logits", "label"),
    "mindspore.nn.MAELoss": ("logits", "label"),
    "mindspore.nn.SoftMarginLoss": ("logits", "labels"),
}
_LABEL_WORDS = ("label", "labels", "target", "targets", "y_true", "gt", "ground_truth", "y")
_PREDICTION_WORDS = ("logit", "logits", "pred", "preds", "prediction", "predictions", "y_pred", "output", "outputs", "out", "scores")
CONCAT_CALLS = {"mindspore.ops.concat": ("axis", 1), "mindspore.ops.cat": ("axis", 1)}
SPLIT_CALLS = {"mindspore.ops.split": ("axis", 2)}
AXIS_PRIMITIVES = frozenset({"mindspore.ops.Concat", "mindspore.ops.Split"})
NCHW_LAYERS = frozenset(
    {"mindspore.nn.Conv2d", "mindspore.nn.Conv2dTranspose", "mindspore.nn.MaxPool2d", "mindspore.nn.AvgPool2d",
     "mindspore.nn.BatchNorm2d"}
)
CHECKPOINT_READERS = frozenset(
    {"tensorflow.train.load_checkpoint", "tensorflow.train.NewCheckpointReader",
     "tensorflow.compat.v1.train.NewCheckpointReader", "tensorflow.compat.v1.train.load_checkpoint"}
)
CHECKPOINT_VARIABLE_READS = frozenset({"tensorflow.train.load_variable", "tensorflow.compat.v1.train.load_variable"})
MS_SINKS = frozenset({"mindspore.Tensor", "mindspore.Parameter", "mindspore.tensor"})
TRANSPOSES = frozenset({"transpose", "T", "permute", "moveaxis", "swapaxes", "rollaxis", "swapdims", "movedim"})
NOT_KERNELS = ("bias", "beta", "gamma", "moving_mean", "moving_variance", "global_step")


def _string(node: nodes.NodeNG | None) -> str | None:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None


def _word(node: nodes.NodeNG) -> str | None:
    """The name an argument is spelled with (``labels``, ``self.labels`` -> ``labels``)."""
    if isinstance(node, nodes.Name):
        return node.name.lower()
    if isinstance(node, nodes.Attribute):
        return node.attrname.lower()
    return None


def _is_label(word: str | None) -> bool:
    return word is not None and (word in _LABEL_WORDS or word.startswith(("label", "target", "gt_")) or word.endswith(("_label", "_labels", "_target")))


def _is_prediction(word: str | None) -> bool:
    return word is not None and (word in _PREDICTION_WORDS or word.startswith(("logit", "pred")) or word.endswith(("_logits", "_pred", "_preds")))


def tf_name(node: nodes.NodeNG) -> str | None:
    """``tensorflow.<path>`` for ``tf.<path>`` through an import of tensorflow, or through a ``tf`` bound nowhere."""
    name = names.qualified_name(node)
    if name is not None:
        return name if name == "tensorflow" or name.startswith("tensorflow.") else None
    parts: list[str] = []
    while isinstance(node, nodes.Attribute):
        parts.append(node.attrname)
        node = node.expr
    if not (isinstance(node, nodes.Name) and node.name == "tf" and parts):
        return None
    if not ast_queries.is_unbound(node):
        return None  # bound, or maybe bound by a star import
    return ".".join(["tensorflow", *reversed(parts)])


def _advice(mapping: TfMapping | None) -> str:
    if mapping is None:
        return f"not in MindSpore's TensorFlow mapping table ({TF_MAPPING_PAGE})"
    if not mapping.ms:
        return f"no MindSpore counterpart: {mapping.note}"
    status = {"consistent": "consistent", "renamed-args": "same function, parameter names differ", "listed": "listed",
              "diff": "differs"}[mapping.status]
    detail = mapping.note or mapping.diff or ""
    return f"use {' or '.join(mapping.ms)} ({status}{': ' + detail if detail else ''})"


@dataclass(frozen=True)
class _Module:
    """What the TensorFlow rules need to know of a module."""

    mindspore: bool  # it imports mindspore: the TensorFlow rules look only at such modules
    imports_tensorflow: bool
    converter: bool  # a checkpoint conversion script needs TensorFlow


def _module(ctx: ModuleContext) -> _Module:
    imported = {name.split(".")[0] for name in names.imported_modules(ctx.module)}
    mindspore = "mindspore" in imported
    return _Module(mindspore, bool(imported & {"tensorflow", "keras"}), mindspore and _is_converter(ctx.module))


def _mindspore_callee(ctx: ModuleContext, call: nodes.Call) -> str | None:
    """The MindSpore API a call in a MindSpore module names."""
    name = ctx.callee(call) if ctx.memo(_module).mindspore else None
    return name if names.is_mindspore_name(name) else None


# layouts and windows


def check_data_format(ctx: ModuleContext, call: nodes.Call) -> None:
    name = _mindspore_callee(ctx, call)
    value = ast_queries.keyword(call, "data_format")
    if name not in NHWC_GPU_ONLY or value is None or _string(value.value) != "NHWC" or ctx.settings.target == "gpu":
        return
    confidence = HIGH if ctx.settings.target in ("cpu", "ascend") else INFERENCE
    ctx.report(NHWC_DATA_FORMAT, value, (name.rsplit(".", 1)[1], ctx.settings.target), confidence=confidence)


NHWC_DATA_FORMAT = Rule(
    symbol="ms-tf-nhwc-data-format",
    node=nodes.Call,
    check=check_data_format,
    message="data_format='NHWC' on %s raises unless the target is GPU (target: %s): keep MindSpore's NCHW layout",
    summary="data_format='NHWC' (TensorFlow's layout) on a MindSpore layer, when the target is not GPU.",
    what=(
        "Checks `data_format=\"NHWC\"` on the MindSpore layers whose NHWC support is GPU-only (`nn.Conv2d`, "
        "`nn.BatchNorm2d`, `nn.MaxPool2d`, `nn.AvgPool2d`, `ops.Conv2D`), unless the target is `gpu`."
    ),
    why=(
        "TensorFlow defaults to NHWC. MindSpore builds the layer only on GPU: elsewhere it raises `ValueError: For "
        "'Conv2d', the \"NHWC\" format only support in GPU target`. Feed NCHW tensors (transpose the input once) "
        "instead."
    ),
    oracle_detail="ValueError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Conv2d.html",),
)


def check_windows(ctx: ModuleContext, call: nodes.Call) -> None:
    name = _mindspore_callee(ctx, call)
    if name not in WINDOW_PARAMETERS:
        return
    params = (calls.overloads(name) or ((),))[0]
    for parameter in WINDOW_PARAMETERS[name]:
        value = calls.passed(call, params, parameter)
        if not isinstance(value, (nodes.Tuple, nodes.List)) or len(value.elts) != 4:
            continue
        nhwc = literal_number(value.elts[0]) == 1 and literal_number(value.elts[3]) == 1
        middle = f"({ctx.text(value.elts[1])}, {ctx.text(value.elts[2])})"
        fix = Fix(f"Use {parameter}={middle}", (ctx.edit.replace(value, middle),)) if nhwc else None
        shown = middle if nhwc else "(h, w)"
        ctx.report(FOUR_ELEMENT_WINDOW, value, (parameter, ctx.text(value), name.rsplit(".", 1)[1], parameter, shown), fix)


FOUR_ELEMENT_WINDOW = Rule(
    symbol="ms-tf-four-element-window",
    node=nodes.Call,
    check=check_windows,
    message="%s=%s is TensorFlow's 4-element NHWC form: %s takes the two spatial values, %s=%s",
    summary="A 4-element stride, kernel_size or dilation ([1, s_h, s_w, 1]) on a MindSpore conv or pooling layer.",
    what=(
        "Checks 2-D conv and pooling layers and functions (`nn.Conv2d`, `nn.Conv2dTranspose`, `nn.MaxPool2d`, "
        "`nn.AvgPool2d`, `ops.conv2d`, `ops.max_pool2d`, `ops.avg_pool2d`, `ops.MaxPool`, `ops.AvgPool`, and "
        "`ops.Conv2D`'s kernel_size) given a 4-element list or tuple literal for a window parameter."
    ),
    why=(
        "TensorFlow's `tf.nn.conv2d(x, k, [1, s_h, s_w, 1])` and `tf.nn.max_pool(ksize=[1, k, k, 1])` spell the "
        "window over NHWC. MindSpore's layers take `(h, w)`: `nn.Conv2d` raises `TypeError`, the max-pooling layers "
        "and functions raise `ValueError`, and `nn.AvgPool2d` / `ops.AvgPool` run with another window and return a "
        "wrongly shaped result."
    ),
    fix=Applicability.SAFE,
    fix_safety="Keeps the middle two elements, only when the first and last are literal 1 (the NHWC form): that is what the TensorFlow code meant.",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Conv2d.html", f"{MS_API_DOCS}/nn/mindspore.nn.MaxPool2d.html"),
)


def check_padding_string(ctx: ModuleContext, call: nodes.Call) -> None:
    name = _mindspore_callee(ctx, call)
    if name is None:
        return
    params = (calls.overloads(name) or ((),))[0]
    if calls.param(params, "pad_mode") is None or calls.param(params, "padding") is None:
        return
    value = calls.passed(call, params, "padding")
    text = _string(value)
    if text is None or text.lower() not in ("same", "valid"):
        return
    mode = repr(text.lower())
    fix = None
    if calls.passed(call, params, "pad_mode") is None and isinstance(value.parent, nodes.Keyword):
        fix = Fix(f"Use pad_mode={mode}", (ctx.edit.replace(value.parent, f"pad_mode={mode}"),))
    ctx.report(PADDING_STRING, value, (ctx.text(value), name.rsplit(".", 1)[1], mode), fix)


PADDING_STRING = Rule(
    symbol="ms-tf-padding-string",
    node=nodes.Call,
    check=check_padding_string,
    message="padding=%s is TensorFlow's padding argument: %s takes pad_mode=%s",
    summary="padding='SAME' / 'VALID' (TensorFlow's spelling) on a MindSpore conv or pooling layer.",
    what="Checks MindSpore APIs having both `padding` and `pad_mode` parameters called with a string `padding`.",
    why=(
        "TensorFlow selects the padding scheme with `padding='SAME'`; MindSpore's `padding` is the number of pixels, "
        "so `nn.Conv2d(..., padding='SAME')` raises `TypeError: For 'Conv2d', the type of 'padding' must be int or "
        "tuple(int), but got str` (pooling layers raise `ValueError`). TensorFlow's 'SAME' and MindSpore's "
        "`pad_mode='same'` both put the odd padding pixel at the end, so the port is exact."
    ),
    fix=Applicability.SAFE,
    fix_safety="Rewrites the keyword `padding='SAME'` as `pad_mode='same'` (and 'VALID' as 'valid') when the call passes no pad_mode; the call raised before.",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Conv2d.html", "https://www.mindspore.cn/docs/en/r2.1/note/api_mapping/tensorflow_diff/Conv2d.html"),
)


def check_pad_mode_case(ctx: ModuleContext, call: nodes.Call) -> None:
    name = _mindspore_callee(ctx, call)
    if name not in PAD_MODE_LOWER_CASE_ONLY:
        return
    value = calls.passed(call, (calls.overloads(name) or ((),))[0], "pad_mode")
    text = _string(value)
    if text is None or text == text.lower() or text.lower() not in ("same", "valid", "pad"):
        return
    quote = ctx.text(value)[0]
    lowered = f"{quote}{text.lower()}{quote}" if quote in "'\"" else repr(text.lower())
    fix = Fix(f"Use pad_mode={lowered}", (ctx.edit.replace(value, lowered),))
    ctx.report(PAD_MODE_CASE, value, (ctx.text(value), name.rsplit(".", 1)[1], lowered), fix)


PAD_MODE_CASE = Rule(
    symbol="ms-tf-pad-mode-case",
    node=nodes.Call,
    check=check_pad_mode_case,
    message="pad_mode=%s raises on %s, which accepts only lower case: use pad_mode=%s",
    summary="pad_mode='SAME' / 'VALID' in TensorFlow's upper case on a MindSpore layer that rejects it.",
    what=(
        "Checks `pad_mode` string literals that are not lower case on the MindSpore APIs that compare it "
        "case-sensitively: `nn.Conv1d`, `nn.Conv2d`, `nn.Conv1dTranspose`, `nn.Conv2dTranspose`, `ops.Conv2D`, "
        "`ops.conv1d`, `ops.conv2d`. The pooling layers, the 3-D convolutions and `ops.Conv2DTranspose` accept any "
        "case and are not reported (the migration guide's `MaxPool2d(3, 2, pad_mode=\"SAME\")` runs)."
    ),
    why=(
        "`nn.Conv2d(..., pad_mode='SAME')` raises `ValueError: For 'Conv2D', the 'pad_mode' must be str and must be in "
        "'['valid', 'same', 'pad']', but got 'SAME'`."
    ),
    fix=Applicability.SAFE,
    fix_safety="Lower-cases the literal; the call raised before.",
    oracle_detail="ValueError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Conv2d.html",),
)


# tensor methods


def check_tensor_method(ctx: ModuleContext, call: nodes.Call) -> None:
    module = ctx.memo(_module)
    if not module.mindspore or module.imports_tensorflow or not isinstance(call.func, nodes.Attribute):
        return
    if not _is_tensor_method_call(call) or ctx.callee(call) is not None:
        return
    method = call.func.attrname
    if method == "set_shape":
        ctx.report(TENSOR_METHOD, call, (method, "the shape of a MindSpore tensor is fixed; reshape instead"), confidence=INFERENCE)
        return
    chained = isinstance(call.parent, nodes.Attribute) and call.parent.expr is call
    fix = None
    if not call.args and not call.keywords and not chained:
        fix = Fix("Use .shape", (ctx.edit.replace_from_name(call, "shape"),))
    ctx.report(TENSOR_METHOD, call, (method, "use .shape (a tuple)"), fix, confidence=INFERENCE)


TENSOR_METHOD = Rule(
    symbol="ms-tf-tensor-method",
    node=nodes.Call,
    check=check_tensor_method,
    message="%s() is a TensorFlow tensor method; MindSpore tensors have none: %s",
    summary="x.get_shape() / x.set_shape() on a MindSpore tensor.",
    what=(
        "Checks calls of TensorFlow tensor methods MindSpore's Tensor lacks (`x.get_shape()` without arguments, "
        "`x.set_shape(shape)`) in modules that use MindSpore and do not import TensorFlow; `self.get_shape(x)` (an "
        "`ops.Shape()` held by a Cell) is MindSpore. The receiver's type is not known statically (INFERENCE)."
    ),
    why="The call raises `AttributeError: 'Tensor' object has no attribute 'get_shape'`. `x.shape` is the static shape as a tuple.",
    fix=Applicability.SAFE,
    fix_safety="`x.get_shape()` becomes `x.shape` when its result is only indexed or iterated (not followed by `.as_list()` or another attribute). No fix for set_shape.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/mindspore/mindspore.Tensor.html",),
)


# concat/split axis


def check_channel_axis(ctx: ModuleContext, call: nodes.Call) -> None:
    if not ctx.memo(_module).mindspore:
        return
    name = ctx.callee(call)
    axis, operands, label = _axis_call(call, name)
    if axis not in (3, -1) or not operands or not ctx.origin.is_tensorflow:
        return
    method = call.frame()
    cls = names.enclosing_class(call)
    if not isinstance(method, nodes.FunctionDef) or cls is None:
        return
    layers = _nchw_attributes(cls)
    if not any(_computed_by(operand, method, layers) for operand in operands):
        return
    axis_node = _axis_node(call, name)
    fix = Fix("Use axis 1", (ctx.edit.replace(axis_node, "1"),), Applicability.UNSAFE) if axis_node is not None else None
    ctx.report(NHWC_CHANNEL_AXIS, call, (label, axis), fix)


NHWC_CHANNEL_AXIS = Rule(
    symbol="ms-tf-channel-axis",
    node=nodes.Call,
    check=check_channel_axis,
    message="%s on axis %s of NCHW conv outputs joins the width, not the channels: the channel axis is 1 in MindSpore (3 was TensorFlow's NHWC one)",
    summary="concat/split on axis 3 or -1 of the NCHW output of a conv or pooling layer.",
    what=(
        "Checks `ops.concat`/`ops.cat`/`ops.Concat(axis)` and `ops.split`/`ops.Split(axis)` with axis 3 or -1 in a "
        "Cell method of code ported from TensorFlow (see [origin](../porting.md#origin)), when an operand was last "
        "assigned in that method from a 2-D conv, pooling or batch-norm layer of the Cell (or from a Cell of the "
        "same module built from one). Code ported from PyTorch is NCHW on both sides and is not reported."
    ),
    why=(
        "TensorFlow code concatenates inception branches with `tf.concat(3, ...)` because NHWC keeps channels last. "
        "MindSpore's layers return NCHW, where axis 3 is the width: the code runs, then the next layer sees the "
        "wrong number of channels or, when shapes allow it, silently computes on a mixed-up tensor."
    ),
    fix=Applicability.UNSAFE,
    fix_safety="Changes the axis to 1: right when the tensors are NCHW feature maps, which the rule infers but cannot prove.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.concat.html",),
)


def _axis_call(call: nodes.Call, name: str | None) -> tuple[int | None, list[nodes.NodeNG], str]:
    """(axis, operand expressions, label) of a concat/split call, or (None, [], '')."""
    if name in CONCAT_CALLS or name in SPLIT_CALLS:
        keyword, position = {**CONCAT_CALLS, **SPLIT_CALLS}[name]
        axis = ast_queries.int_value(ast_queries.argument(call, keyword, position))
        first = call.args[0] if call.args else None
        operands = list(first.elts) if isinstance(first, (nodes.Tuple, nodes.List)) else [first] if first else []
        return axis, operands, name.replace("mindspore.", "")
    primitive = _primitive(call)
    if primitive is not None:
        created, qualname = primitive
        axis = ast_queries.int_value(ast_queries.argument(created, "axis", 0))
        first = call.args[0] if call.args else None
        operands = list(first.elts) if isinstance(first, (nodes.Tuple, nodes.List)) else [first] if first else []
        return axis, operands, f"{qualname.replace('mindspore.', '')}(axis={axis})"
    return None, [], ""


def _axis_node(call: nodes.Call, name: str | None) -> nodes.NodeNG | None:
    if name in CONCAT_CALLS or name in SPLIT_CALLS:
        keyword, position = {**CONCAT_CALLS, **SPLIT_CALLS}[name]
        return ast_queries.argument(call, keyword, position)
    primitive = _primitive(call)
    return ast_queries.argument(primitive[0], "axis", 0) if primitive else None


def _primitive(call: nodes.Call) -> tuple[nodes.Call, str] | None:
    """``ops.Concat(axis=3)(...)`` or ``self.concat(...)`` with ``self.concat = ops.Concat(axis=3)``: (creation, name)."""
    func = call.func
    if isinstance(func, nodes.Call):
        qualname = names.qualified_name(func.func)
        return (func, qualname) if qualname in AXIS_PRIMITIVES else None
    if isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name) and func.expr.name == "self":
        cls = names.enclosing_class(call)
        created = _self_attribute_calls(cls).get(func.attrname) if cls else None
        if created is not None and names.qualified_name(created.func) in AXIS_PRIMITIVES:
            return created, names.qualified_name(created.func)
    return None


# loss argument order


def check_loss_argument_order(ctx: ModuleContext, call: nodes.Call) -> None:
    """``nn.MSELoss()(labels, logits)``, or ``self.loss(labels, logits)`` with ``self.loss = nn.MSELoss()``."""
    name = _mindspore_callee(ctx, call)
    if name is not None:
        if isinstance(call.parent, nodes.Call) and call.parent.func is call and name in PREDICTION_FIRST_LOSSES:
            _check_loss_arguments(ctx, call.parent, name)
        return
    func = call.func
    if not (ctx.memo(_module).mindspore and isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name) and func.expr.name == "self"):
        return
    cls = names.enclosing_class(call)
    created = _self_attribute_calls(cls).get(func.attrname) if cls else None
    name = names.qualified_name(created.func) if created is not None else None
    if name in PREDICTION_FIRST_LOSSES:
        _check_loss_arguments(ctx, call, name)


LOSS_ARGUMENT_ORDER = Rule(
    symbol="ms-tf-loss-argument-order",
    node=nodes.Call,
    check=check_loss_argument_order,
    message="%s is called as (%s, %s) but takes (%s, %s): the labels are read as predictions; swap the arguments",
    summary="A MindSpore loss called with the labels first, as TensorFlow's softmax_cross_entropy_with_logits(labels=, logits=).",
    what=(
        "Checks calls of MindSpore loss Cells whose `construct` takes the prediction first (`SoftmaxCrossEntropyWithLogits`, "
        "`CrossEntropyLoss`, `MSELoss`, `L1Loss`, `BCELoss`, `NLLLoss`, ...), directly or through a `self.<name>` "
        "attribute, whose two positional arguments are named the other way round: the first is named like labels "
        "(`labels`, `label`, `y_true`, `target`, `gt`) and the second like predictions (`logits`, `pred`, `y_pred`, "
        "`output`), as pylint's arguments-out-of-order judges by names."
    ),
    why=(
        "TensorFlow 1.x passes `labels=` first by keyword; ported positionally, `self.ce(labels, logits)` runs and "
        "returns another value: the loss and its gradients are computed on the wrong tensor."
    ),
    fix=Applicability.UNSAFE,
    fix_safety="Swaps the two arguments: right when the names tell the truth.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.SoftmaxCrossEntropyWithLogits.html",),
)


def _check_loss_arguments(ctx: ModuleContext, call: nodes.Call, name: str) -> None:
    if len(call.args) != 2 or call.keywords:
        return
    first, second = call.args
    prediction, label = PREDICTION_FIRST_LOSSES[name]
    words = (_word(first), _word(second))
    swapped_names = words == (label, prediction)
    if not swapped_names and not (_is_label(words[0]) and _is_prediction(words[1])):
        return
    edits = (ctx.edit.replace(first, ctx.text(second)), ctx.edit.replace(second, ctx.text(first)))
    fix = Fix("Swap the arguments", edits, Applicability.UNSAFE)
    short = name.rsplit(".", 1)[1]
    ctx.report(LOSS_ARGUMENT_ORDER, call, (short, ctx.text(first), ctx.text(second), prediction, label), fix)


# TensorFlow names and checkpoints


def check_tf_api(ctx: ModuleContext, node: nodes.Attribute) -> None:
    module = ctx.memo(_module)
    if not module.mindspore or module.converter or (isinstance(node.parent, nodes.Attribute) and node.parent.expr is node):
        return
    name = tf_name(node)
    if name is not None and name != "tensorflow":
        ctx.report(TF_API, node, (name.replace("tensorflow.", "tf.", 1), _advice(tf_mapping_for(name))))


TF_API = Rule(
    symbol="ms-tf-api",
    node=nodes.Attribute,
    check=check_tf_api,
    message="TensorFlow API %s left in MindSpore code: %s",
    summary="A tf.* name in a module that uses MindSpore, with the MindSpore counterpart from MindSpore's mapping table.",
    what=(
        "Checks references to `tensorflow.*` (through `import tensorflow as tf`, or a `tf.` prefix with no "
        "binding at all, as code copied from a TensorFlow file) in modules that import MindSpore. The message gives "
        "the counterpart and its status from `mslint/knowledge/data/tf_mapping.json` (MindSpore's TensorFlow API mapping table "
        "plus curated TensorFlow 1.x idioms: `tf.placeholder`, `tf.Session`, `tf.variable_scope`, `tf.get_variable`). "
        "Checkpoint conversion scripts (a module that reads a TensorFlow checkpoint, or writes a MindSpore one while "
        "using TensorFlow) need TensorFlow and are not reported."
    ),
    why=(
        "MindSpore environments do not ship TensorFlow: the import raises `ModuleNotFoundError`, an unbound `tf` "
        "raises `NameError`, and where TensorFlow is installed its ops return TensorFlow tensors MindSpore layers reject."
    ),
    oracle_detail="ModuleNotFoundError",
    references=(TF_MAPPING_PAGE,),
)


def check_checkpoint_copies(ctx: ModuleContext, function: nodes.FunctionDef) -> None:
    if not ctx.memo(_module).mindspore:
        return
    readers = {
        target.name
        for assign in ast_queries.descendants(function, nodes.Assign)
        if isinstance(assign.value, nodes.Call) and tf_name(assign.value.func) in CHECKPOINT_READERS
        for target in assign.targets
        if isinstance(target, nodes.AssignName)
    }
    sinks = [call for call in ast_queries.descendants(function, nodes.Call) if call.scope() is function and call.args and _is_sink(call)]
    for call in sinks:
        if any(other is not call and other.parent_of(call) for other in sinks):
            continue  # reported at the outer copy: Parameter(Tensor(value))
        read = _checkpoint_read(call.args[0], function, readers, depth=0)
        if read is not None:
            ctx.report(CHECKPOINT_LAYOUT, call, (ctx.text(read),))


CHECKPOINT_LAYOUT = Rule(
    symbol="ms-tf-checkpoint-layout",
    node=(nodes.FunctionDef, nodes.AsyncFunctionDef),
    check=check_checkpoint_copies,
    message="%s from a TensorFlow checkpoint is copied into MindSpore without a transpose: conv kernels are HWIO in TensorFlow and OIHW in MindSpore, dense kernels (in, out) and (out, in)",
    summary="TensorFlow checkpoint weights copied into MindSpore Tensors or Parameters without transposing the kernels.",
    what=(
        "Checks functions that read a TensorFlow checkpoint (`reader.get_tensor(name)` on a "
        "`tf.train.load_checkpoint`/`NewCheckpointReader` reader or any `get_tensor` call, `tf.train.load_variable`) "
        "and pass a value so read, directly or through local variables, to `mindspore.Tensor`, `mindspore.Parameter` "
        "or `<parameter>.set_data` with no transpose on the way (`transpose`, `.T`, `permute`, `moveaxis`, "
        "`swapaxes`). Reads whose literal name says it is not a kernel (`bias`, `beta`, `gamma`, `moving_mean`) are "
        "left alone."
    ),
    why=(
        "The shapes rarely match and loading raises; when they do (square dense layers, 1x1 convolutions with equal "
        "channels) the network runs with transposed weights and computes something else."
    ),
    oracle=Oracle.DIVERGES,
    references=("https://www.mindspore.cn/docs/en/r2.1/api_python/mindspore/mindspore.load_checkpoint.html",),
)


def _is_converter(module: nodes.Module) -> bool:
    """A checkpoint conversion script: it reads a TensorFlow checkpoint, or writes a MindSpore one next to TensorFlow code."""
    called = {tf_name(call.func) or names.qualified_name(call.func) for call in ast_queries.descendants(module, nodes.Call)}
    return bool(called & (CHECKPOINT_READERS | CHECKPOINT_VARIABLE_READS)) or (
        "mindspore.save_checkpoint" in called and any(name and name.startswith("tensorflow.") for name in called)
    )


def _is_tensor_method_call(call: nodes.Call) -> bool:
    """``x.get_shape()`` (no arguments) or ``x.set_shape(shape)`` on anything but ``self`` (``self.get_shape =
    ops.Shape()`` called as ``self.get_shape(x)`` is MindSpore)."""
    func = call.func
    if func.attrname not in TF_TENSOR_METHODS or (isinstance(func.expr, nodes.Name) and func.expr.name in ("self", "cls")):
        return False
    arity = len(call.args) + len(call.keywords or ())
    return arity == (0 if func.attrname == "get_shape" else 1)


@functools.lru_cache(maxsize=256)
def _self_attribute_calls(cls: nodes.ClassDef) -> dict[str, nodes.Call]:
    """``self.<name> = <call>`` assignments in a class's methods (the last one wins; cached per class node)."""
    found: dict[str, nodes.Call] = {}
    for method in ast_queries.methods(cls):
        for assign in ast_queries.descendants(method, nodes.Assign):
            if not isinstance(assign.value, nodes.Call):
                continue
            for target in assign.targets:
                if isinstance(target, nodes.AssignAttr) and isinstance(target.expr, nodes.Name) and target.expr.name == ast_queries.self_name(method):
                    found[target.attrname] = assign.value
    return found


def _builds_nchw_layer(cls: nodes.ClassDef) -> bool:
    """A project Cell whose methods create a 2-D conv/pool/batch-norm layer (the seed's ConvReLU)."""
    return any(names.qualified_name(call.func) in NCHW_LAYERS for call in _self_attribute_calls(cls).values())


@functools.lru_cache(maxsize=256)
def _nchw_attributes(cls: nodes.ClassDef) -> frozenset[str]:
    """Attributes of ``cls`` holding a layer that returns NCHW feature maps."""
    found = set()
    module = cls.root()
    for attribute, created in _self_attribute_calls(cls).items():
        name = names.qualified_name(created.func)
        if name in NCHW_LAYERS:
            found.add(attribute)
        elif isinstance(created.func, nodes.Name):
            local = module.locals.get(created.func.name, [None])[0]
            if isinstance(local, nodes.ClassDef) and _builds_nchw_layer(local):
                found.add(attribute)
    return frozenset(found)


def _computed_by(operand: nodes.NodeNG, method: nodes.FunctionDef, layers: frozenset[str]) -> bool:
    """Whether ``operand`` is a layer call ``self.<layer>(...)``, or a name whose last assignment before it
    in the method is one."""
    if _is_layer_call(operand, layers):
        return True
    if not isinstance(operand, nodes.Name):
        return False
    earlier = [
        target for target in ast_queries.descendants(method, nodes.AssignName) if target.name == operand.name and target.lineno < operand.lineno
    ]
    if not earlier:
        return False
    last = max(earlier, key=lambda target: (target.lineno, target.col_offset))
    return isinstance(last.parent, nodes.Assign) and _is_layer_call(last.parent.value, layers)


def _is_layer_call(node: nodes.NodeNG, layers: frozenset[str]) -> bool:
    func = node.func if isinstance(node, nodes.Call) else None
    return isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name) and func.expr.name == "self" and func.attrname in layers


def _checkpoint_read(node: nodes.NodeNG, function: nodes.FunctionDef, readers: set[str], depth: int) -> nodes.Call | None:
    """The checkpoint read an expression copies without a transpose on the way, following local names."""
    if depth > 4:
        return None
    if isinstance(node, nodes.Attribute) and node.attrname in TRANSPOSES:
        return None
    if isinstance(node, nodes.Call):
        func = node.func
        attribute = func.attrname if isinstance(func, nodes.Attribute) else func.name if isinstance(func, nodes.Name) else None
        if attribute in TRANSPOSES:
            return None
        if _is_checkpoint_read(node, readers):
            key = _string(node.args[-1]) if node.args else None
            return None if key is not None and any(word in key.lower() for word in NOT_KERNELS) else node
        for child in [*node.args, *(kw.value for kw in node.keywords or ()), *([func.expr] if isinstance(func, nodes.Attribute) else [])]:
            found = _checkpoint_read(child, function, readers, depth + 1)
            if found is not None:
                return found
        return None
    if isinstance(node, nodes.Name):
        assigned = [
            assign.value
            for assign in ast_queries.descendants(function, nodes.Assign)
            for target in assign.targets
            if isinstance(target, nodes.AssignName) and target.name == node.name
        ]
        results = [_checkpoint_read(value, function, readers, depth + 1) for value in assigned]
        return results[0] if assigned and all(result is not None for result in results) else None
    return None


def _is_sink(call: nodes.Call) -> bool:
    """``mindspore.Tensor(...)``, ``mindspore.Parameter(...)`` or ``<parameter>.set_data(...)``."""
    target = names.qualified_name(call.func)
    return target in MS_SINKS or (target is None and isinstance(call.func, nodes.Attribute) and call.func.attrname == "set_data")


def _is_checkpoint_read(call: nodes.Call, readers: set[str]) -> bool:
    if tf_name(call.func) in CHECKPOINT_VARIABLE_READS:
        return True
    func = call.func
    return isinstance(func, nodes.Attribute) and func.attrname == "get_tensor" and (
        not readers or (isinstance(func.expr, nodes.Name) and func.expr.name in readers)
    )


class TensorFlowChecker(FamilyChecker):
    """TensorFlow 1.x idioms that raise or change meaning in MindSpore."""

    rules = declared_rules(__name__, globals())
