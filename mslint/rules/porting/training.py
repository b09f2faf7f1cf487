"""Porting rules for PyTorch training-loop idioms on MindSpore Cells, tensors and optimizers.

Receiver honesty: ``.train()``, ``.eval()`` and ``.parameters()`` are reported only on receivers known to be
Cells (``self`` in a Cell subclass, or a name assigned from a Cell class call in the same scope);
``.parameters()`` passed to a MindSpore optimizer is reported at INFERENCE confidence otherwise.
"""

from __future__ import annotations

from functools import cache

from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE, Confidence

from mslint.analysis import ast_queries, names
from mslint.analysis.receivers import built_by, foreign, is_optimizer_class, receiver_kind
from mslint.core.edits import Applicability, Fix
from mslint.engine.context import ModuleContext, Span
from mslint.engine.rule import MS_API_DOCS, Oracle, Rule
from mslint.knowledge.facts import cell_facts
from mslint.knowledge.mappings import ApiMapping, load_signatures, load_torch_mapping

_DEVICE_METHODS = ("cuda", "cpu", "detach", "to")
_PARAMETER_METHODS = {"parameters": "get_parameters"}
TORCH_CELL_METHODS = frozenset({"train", "eval", *_PARAMETER_METHODS})  # reported on Cells by E7218 / E7219

_STEP_ADVICE = {
    "backward": "use grads = ms.value_and_grad(forward_fn, None, optimizer.parameters)(...)[1]",
    "zero_grad": "delete it (gradients are returned, not accumulated)",
    "step": "call optimizer(grads) with the gradients from ms.value_and_grad",
}


def _method_call(ctx: ModuleContext, call: nodes.Call) -> tuple[str, nodes.NodeNG] | None:
    """(method, receiver) of ``<receiver>.<method>(...)`` in MindSpore code, when the method is not a name resolved
    through imports and the project does not give MindSpore a torch-style method of that name."""
    func = call.func
    if ctx.framework not in ("mindspore", "mixed") or not isinstance(func, nodes.Attribute) or ctx.callee(call) is not None:
        return None
    method = func.attrname
    if {f"mindspore.nn.Cell.{method}", f"mindspore.nn.Optimizer.{method}", f"mindspore.Tensor.{method}"} & ctx.patched:
        return None
    return method, func.expr


def _receiver_confidence(ctx: ModuleContext, receiver: nodes.NodeNG) -> Confidence | None:
    """HIGH on a known MindSpore tensor or Cell; INFERENCE on an unknown receiver in a mindspore-only file."""
    kind = receiver_kind(receiver)
    if kind in ("tensor", "cell"):
        return HIGH
    if kind is None and ctx.framework == "mindspore" and not foreign(receiver):
        return INFERENCE
    return None


def check_train_eval(ctx: ModuleContext, call: nodes.Call) -> None:
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in ("train", "eval"):
        ctx.claim(call.func, TRAIN_EVAL_CALL)
    found = _method_call(ctx, call)
    if found is None or found[0] not in ("train", "eval"):
        return
    method, receiver = found
    if receiver_kind(receiver) != "cell" or len(call.args) + len(call.keywords or ()) > (1 if method == "train" else 0):
        return
    argument = call.args[0] if call.args else call.keywords[0].value if call.keywords else None
    replacement = "set_train(False)" if method == "eval" else f"set_train({ctx.text(argument)})" if argument else "set_train()"
    fix = Fix(f"Use {replacement}", (ctx.edit.replace_from_name(call, replacement),))
    ctx.report(TRAIN_EVAL_CALL, call, (method, replacement), fix)


TRAIN_EVAL_CALL = Rule(
    symbol="ms-train-eval-call",
    node=nodes.Call,
    check=check_train_eval,
    message="Cell has no %s() in MindSpore: use %s",
    summary="PyTorch's .train() / .eval() on a MindSpore Cell.",
    what="Checks `.train()`, `.train(mode)` and `.eval()` called on a receiver known to be a Cell: `self` in a Cell subclass, or a name assigned from a Cell class call in the same scope.",
    why="`nn.Cell` has neither method: `AttributeError: The 'Net' object has no attribute 'train'`. A Cell also starts in inference mode, where a PyTorch module starts in training mode.",
    fix=Applicability.SAFE,
    fix_safety="`set_train(True)` / `set_train(False)` is what the PyTorch call means; the code raised before.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html#mindspore.nn.Cell.set_train",),
)


def check_parameters(ctx: ModuleContext, call: nodes.Call) -> None:
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in _PARAMETER_METHODS:
        ctx.claim(call.func, PARAMETERS_CALL)
    found = _method_call(ctx, call)
    if found is None or found[0] not in _PARAMETER_METHODS or call.args or call.keywords:
        return
    method, receiver = found
    if load_signatures().exists(f"mindspore.nn.Cell.{method}", ctx.settings.mindspore_version) is not False:
        return
    parent = call.parent
    if isinstance(parent, nodes.Keyword) and parent.arg == "params":
        parent = parent.parent
    elif not (isinstance(parent, nodes.Call) and parent.args and parent.args[0] is call):
        parent = None
    to_optimizer = method == "parameters" and isinstance(parent, nodes.Call) and is_optimizer_class(names.qualified_name(parent.func))
    known = receiver_kind(receiver) == "cell"
    if not (known or to_optimizer):
        return
    replacement = "trainable_params" if to_optimizer else _PARAMETER_METHODS[method]
    fix = Fix(f"Use {replacement}()", (ctx.edit.rename(call.func, method, replacement),))
    ctx.report(PARAMETERS_CALL, call, (f"{ctx.text(receiver)}.{replacement}()",), fix, confidence=HIGH if known else INFERENCE)


PARAMETERS_CALL = Rule(
    symbol="ms-parameters-call",
    node=nodes.Call,
    check=check_parameters,
    message="Cell has no parameters() in MindSpore: use %s",
    summary="PyTorch's .parameters() on a MindSpore Cell, or passed to a MindSpore optimizer.",
    what=(
        "Checks `<x>.parameters()` on a receiver known to be a Cell (`self` in a Cell, `self.<attr>` assigned a Cell, "
        "a name built or annotated as a Cell: `for p in net.parameters()`), and `<x>.parameters()` passed as the "
        "parameters of a MindSpore optimizer (`nn.Adam`, `nn.SGD`, ...: the `mindspore.nn` classes whose first "
        "parameter is `params` and that take `learning_rate`), at INFERENCE confidence when `<x>` is not known to be a Cell."
    ),
    why=(
        "`nn.Cell` has neither method: `AttributeError: The 'Dense' object has no attribute 'parameters'`. Optimizers "
        "take `trainable_params()` (a list); `get_parameters()` iterates over every parameter. "
        "(`named_parameters()` is `ms-torch-cell-method`.)"
    ),
    fix=Applicability.SAFE,
    fix_safety="`trainable_params()` for an optimizer, `get_parameters()` elsewhere: the same parameters; the code raised before.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Optimizer.html", f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html#mindspore.nn.Cell.get_parameters"),
)


def check_training_step(ctx: ModuleContext, call: nodes.Call) -> None:
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in _STEP_ADVICE:
        ctx.claim(call.func, TORCH_TRAINING_STEP)
    found = _method_call(ctx, call)
    if found is None or found[0] not in _STEP_ADVICE or call.args:
        return
    method, receiver = found
    kind = receiver_kind(receiver)
    if method == "step" and kind != "optimizer":
        return
    if method == "backward" and kind in ("cell", "optimizer"):
        return
    if kind is None and (ctx.framework == "mixed" or foreign(receiver)):
        return  # a torch tensor or optimizer in a half-ported file (optimizer = torch.optim.AdamW(...))
    confidence = HIGH if kind == "optimizer" or (method == "backward" and kind == "tensor") else INFERENCE
    ctx.report(TORCH_TRAINING_STEP, call, (f"{ctx.text(call)}", _STEP_ADVICE[method]), confidence=confidence)


TORCH_TRAINING_STEP = Rule(
    symbol="ms-torch-training-step",
    node=nodes.Call,
    check=check_training_step,
    message="%s is PyTorch's training step; MindSpore computes gradients functionally: %s",
    summary="loss.backward(), optimizer.zero_grad(), optimizer.step() in MindSpore code.",
    what=(
        "Checks `.backward()` calls and `.zero_grad()` / `.step()` on MindSpore optimizers in files that import "
        "mindspore. `.step()` is reported only on a name assigned from a MindSpore optimizer class (schedulers "
        "have `step()` too); `.backward()` on a tensor built by a MindSpore call at HIGH confidence, `.backward()` and "
        "`.zero_grad()` on other receivers at INFERENCE confidence, except in files that also import torch and on "
        "receivers built by another library (`optimizer = torch.optim.AdamW(...)`)."
    ),
    why=(
        "MindSpore tensors have no `backward()` (`AttributeError`) and optimizers have no `step()`/`zero_grad()`. "
        "Write `grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters)`, then "
        "`loss, grads = grad_fn(data, label)` and `optimizer(grads)`, or wrap the network in `nn.TrainOneStepCell`."
    ),
    fix=Applicability.DISPLAY_ONLY,
    fix_safety="No edit: the training step has to be restructured around a forward function (see the snippet in the message and docs).",
    oracle_detail="AttributeError",
    references=("https://www.mindspore.cn/docs/en/r2.10.0/migration_guide/model_development/gradient.html",),
)


def check_repeat(ctx: ModuleContext, call: nodes.Call) -> None:
    found = _method_call(ctx, call)
    if found is None or found[0] != "repeat":
        return
    confidence = _receiver_confidence(ctx, found[1])
    if confidence is None:
        return
    counts = call.args[0].elts if len(call.args) == 1 and isinstance(call.args[0], (nodes.Tuple, nodes.List)) else call.args
    if call.keywords or not counts or not all(isinstance(c, nodes.Const) and type(c.value) is int for c in counts):
        fix, replacement = None, ".tile(reps)"
    else:
        replacement = f".tile(({', '.join(str(c.value) for c in counts)}{',' if len(counts) == 1 else ''}))"
        fix = Fix(f"Use {replacement}", (ctx.edit.replace_from_name(call, replacement[1:]),), _applicability(confidence))
    ctx.report(TENSOR_REPEAT_OFF_ASCEND, call, (ctx.settings.target.upper(), replacement), fix, confidence=confidence)


TENSOR_REPEAT_OFF_ASCEND = Rule(
    symbol="ms-tensor-repeat-off-ascend",
    node=nodes.Call,
    check=check_repeat,
    message="Tensor.repeat has only an Ascend kernel in MindSpore 2.10 (RuntimeError on %s): use %s",
    summary="x.repeat(...) on a MindSpore tensor when the target is CPU or GPU.",
    what=(
        "Checks `.repeat(...)` on MindSpore tensors when the file targets CPU or GPU (`set_device`/`set_context` or "
        "`--target`). HIGH confidence on a tensor built by a MindSpore call; INFERENCE on other receivers in files "
        "importing only mindspore; silent on receivers built by another library (`np.arange(...).repeat`) and, in "
        "files that also import torch, on receivers of unknown type. Silent when the target is unknown: "
        "Ascend-first code such as mindcv uses it legitimately."
    ),
    why="`Tensor.repeat` is documented for Ascend only; on CPU it raises `RuntimeError: 'repeat' is not supported on this device.` `tile(reps)` gives torch's `repeat(*reps)` result on every device.",
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety="Only when the arguments are literal repeat counts (`repeat(2, 2)`, `repeat((2, 2))`): `tile((2, 2))` equals torch's `repeat(2, 2)` (checked for equal, more and fewer dims). Offered as unsafe on receivers of unknown type.",
    oracle_detail="RuntimeError",
    targets=frozenset({"cpu", "gpu"}),
    references=(f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.repeat.html", f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.tile.html"),
)


def check_device_method(ctx: ModuleContext, call: nodes.Call) -> None:
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in _DEVICE_METHODS:
        ctx.claim(call.func, TORCH_DEVICE_METHOD)
    found = _method_call(ctx, call)
    if found is None or found[0] not in _DEVICE_METHODS:
        return
    method, receiver = found
    confidence = _receiver_confidence(ctx, receiver)
    if confidence is None:
        return
    if method == "to":
        device = call.args[0] if call.args else ast_queries.keyword(call, "device").value if ast_queries.keyword(call, "device") else None
        if not (isinstance(device, nodes.Const) and isinstance(device.value, str) and device.value.startswith("cuda")):
            return
    elif call.args or call.keywords or (method == "detach" and receiver_kind(receiver) == "cell"):
        return
    kind = "Cell" if receiver_kind(receiver) == "cell" else "Tensor"
    receiver_text = ctx.text(receiver)
    ported_receiver = _without_device_methods(ctx, receiver)
    problem = "raises ValueError" if method == "to" else "does not exist"
    applicability = _applicability(confidence)
    if method == "detach":
        spelled = names.spelling(call.root(), "mindspore.ops.stop_gradient")
        advice = f"use {spelled or 'ops.stop_gradient'}({receiver_text})"
        replacement = f"{spelled}({receiver_text})"
        fix = Fix(f"Use {replacement}", (ctx.edit.replace(call, replacement),), applicability) if spelled else None
    elif isinstance(call.parent, nodes.Expr) and (call.parent.previous_sibling() or call.parent.next_sibling()):
        advice = "delete the statement (placement is global: mindspore.set_device)"
        fix = Fix("Delete the statement", (ctx.edit.delete_statement(call.parent),), applicability)
    else:
        advice = f"use {ported_receiver or receiver_text} (placement is global: mindspore.set_device)"
        title = f"Use {receiver_text}" if ported_receiver is None else f"Remove .{method}()"
        fix = Fix(title, (ctx.edit.replace(call, receiver_text),), applicability)
    ctx.report(TORCH_DEVICE_METHOD, call, (f".{ctx.text(call)[len(receiver_text) + 1:]}", problem, kind, advice), fix, confidence=confidence)


def _without_device_methods(ctx: ModuleContext, receiver: nodes.NodeNG) -> str | None:
    """The receiver's text ported, when it ends in other PyTorch device calls (``x.detach().cpu()``'s receiver
    ``x.detach()`` is ``ops.stop_gradient(x)``); None when it ends in none."""
    inner = receiver
    wrappers = 0
    while isinstance(inner, nodes.Call) and isinstance(inner.func, nodes.Attribute) and not inner.args and not inner.keywords:
        if inner.func.attrname not in ("cuda", "cpu", "detach"):
            break
        wrappers += inner.func.attrname == "detach"
        inner = inner.func.expr
    if inner is receiver:
        return None
    spelled = names.spelling(receiver.root(), "mindspore.ops.stop_gradient") or "ops.stop_gradient"
    return f"{spelled}({ctx.text(inner)})" if wrappers else ctx.text(inner)


TORCH_DEVICE_METHOD = Rule(
    symbol="ms-torch-device-method",
    node=nodes.Call,
    check=check_device_method,
    message="%s %s on a MindSpore %s: %s",
    summary="PyTorch's .cuda(), .cpu(), .detach() or .to('cuda') on a MindSpore tensor or Cell.",
    what=(
        "Checks `.cuda()`, `.cpu()`, `.detach()` and `.to('cuda...')` on MindSpore tensors and Cells, with the "
        "receiver policy of `ms-tensor-repeat-off-ascend` (Cells as in `ms-train-eval-call`). `.to(dtype)` and "
        "`.to('cpu')` run in 2.10 and are not reported; `.to(device)` with a variable is left alone."
    ),
    why=(
        "MindSpore 2.10 Tensor and Cell have no `cuda`, `cpu` or `detach` (`AttributeError`), and `to('cuda')` "
        "raises `ValueError: Failed to convert the value \"cuda\"`: placement is global (`set_device`), and "
        "`ops.stop_gradient(x)` cuts a tensor from the gradient."
    ),
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety="Removes `.cuda()`, `.cpu()`, `.to('cuda')` (the value is unchanged; placement is global), or the whole statement when the call is one; `x.detach()` becomes `ops.stop_gradient(x)` when the module imports `mindspore.ops`. Unsafe on receivers of unknown type.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.stop_gradient.html", f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.to.html"),
)


def _applicability(confidence: Confidence) -> Applicability:
    return Applicability.SAFE if confidence is HIGH else Applicability.UNSAFE


@cache
def torch_cell_methods() -> dict[str, ApiMapping]:
    """PyTorch ``nn.Module`` methods that MindSpore's ``nn.Cell`` lacks, with their knowledge-base mapping
    (methods other porting rules report are left to them)."""
    owned_elsewhere = {"parameters", "train", "eval", "forward"}
    return {
        torch_name.rpartition(".")[2]: entry
        for torch_name, entry in load_torch_mapping().items()
        if torch_name.startswith("torch.nn.Module.") and entry.ms and entry.ms.startswith("mindspore.nn.Cell.")
        and torch_name.rpartition(".")[2] not in cell_facts().cell_attributes | owned_elsewhere
    }


def check_torch_cell_method(ctx: ModuleContext, call: nodes.Call) -> None:
    func = call.func
    if not isinstance(func, nodes.Attribute) or func.attrname not in torch_cell_methods():
        return
    ctx.claim(func, TORCH_CELL_METHOD)
    entry = torch_cell_methods()[func.attrname]
    if ctx.framework not in ("mindspore", "mixed") or names.qualified_name(func) is not None or receiver_kind(func.expr) != "cell":
        return
    target = entry.ms.rpartition(".")[2]
    fix = None
    if func.attrname == "add_module" and built_by(func.expr, "mindspore.nn.SequentialCell"):
        # A child inserted into a SequentialCell is registered but never run: append() adds it to the sequence.
        target = "append"
        if len(call.args) == 2 and not call.keywords:
            edits = (ctx.edit.rename(func, func.attrname, target), ctx.edit.remove_argument(call, call.args[0]))
            fix = Fix("Use append(cell)", edits, Applicability.UNSAFE)
    elif entry.kind == "renamed-args" and not call.keywords:
        fix = Fix(f"Use {target}()", (ctx.edit.rename(func, func.attrname, target),))
    note = f" ({entry.note})" if entry.kind == "semantic-diff" else ""
    ctx.report(TORCH_CELL_METHOD, func, (func.attrname, target, note), fix)


TORCH_CELL_METHOD = Rule(
    symbol="ms-torch-cell-method",
    node=nodes.Call,
    check=check_torch_cell_method,
    message="nn.Cell has no %s(), PyTorch's nn.Module method: use %s()%s",
    summary="A PyTorch nn.Module method that MindSpore's Cell lacks (named_parameters, children, modules, add_module).",
    what=(
        "Checks calls of `named_parameters()`, `children()`, `modules()`, `named_children()` and `add_module()` "
        "on a receiver known to be a Cell: `self` in a Cell subclass, or a name assigned from a Cell class call in "
        "the same scope. The methods and their MindSpore names come from the knowledge base "
        "(`torch.nn.Module.*` entries whose name `nn.Cell` does not have)."
    ),
    why=(
        "`nn.Cell` names these `parameters_and_names()`, `cells()`, `cells_and_names()`, `name_cells()` and "
        "`insert_child_to_cell()`; the PyTorch name raises `AttributeError: The 'Dense' object has no attribute "
        "'named_parameters'.`"
    ),
    fix=Applicability.SAFE,
    fix_also=Applicability.UNSAFE,
    fix_safety="Renames the method when MindSpore's takes the same arguments (`named_parameters()`, `children()`, `add_module(name, cell)`); the code raised before. No fix for `modules()` and `named_children()`, whose MindSpore counterparts yield (name, cell) pairs or return a dict. On a `SequentialCell`, `add_module(name, cell)` becomes `append(cell)` (`insert_child_to_cell` registers a cell the sequence never runs), unsafe: PyTorch replaces a child of the same name in place.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html",),
)


def _tensor_method_call(ctx: ModuleContext, call: nodes.Call, method: str) -> bool:
    """``<x>.<method>(...)`` in a file that imports only mindspore, not a name resolved through imports."""
    func = call.func
    return ctx.framework == "mindspore" and isinstance(func, nodes.Attribute) and func.attrname == method and ctx.callee(call) is None


def _defines_size(ctx: ModuleContext) -> bool:
    """Whether the module binds ``size`` at its top level or defines a function or method named ``size``."""
    module = ctx.module
    return "size" in module.locals or any(func.name == "size" for func in ast_queries.descendants(module, nodes.FunctionDef))


def _own_member(receiver: nodes.NodeNG, name: str) -> bool:
    """``receiver`` is ``self`` in a class that assigns or defines ``name`` itself."""
    cls = names.enclosing_class(receiver) if isinstance(receiver, nodes.Name) and receiver.name == "self" else None
    return cls is not None and (name in cls.instance_attrs or name in cls.locals)


def check_size_call(ctx: ModuleContext, node: nodes.Call) -> None:
    if not _tensor_method_call(ctx, node, "size") or len(node.args) + len(node.keywords or ()) > 1:
        return
    if (node.keywords and node.keywords[0].arg != "dim") or foreign(node.func.expr):
        return
    if receiver_kind(node.func.expr) in ("cell", "optimizer") or _own_member(node.func.expr, "size"):
        return  # `self.size = P.Size()` then `self.size(x)`: the name is bound to the object's own member, not Tensor.size
    if ctx.memo(_defines_size):
        return  # the module defines its own size() (d2l: size = lambda x, *a: x.size(*a)): the receiver may be one of its objects
    argument = [*node.args, *(kw.value for kw in node.keywords or ())]
    replacement = f"shape[{ctx.text(argument[0])}]" if argument else "shape"
    edit = ctx.edit.replace_from_name(node, replacement)
    original = ctx.source.text[edit.start : edit.end]
    fix = Fix(f"Use .{replacement}", (edit,))
    span = Span.attribute(node.func, ctx.source)
    ctx.report(TENSOR_SIZE_CALL, node, (f".{replacement}", f".{original}"), fix, confidence=INFERENCE, span=span)


TENSOR_SIZE_CALL = Rule(
    symbol="ms-tensor-size-call",
    node=nodes.Call,
    check=check_size_call,
    message="Tensor.size is an int (the element count) in MindSpore 2.x: use '%s' instead of '%s'",
    summary="x.size() / x.size(i) on a MindSpore tensor.",
    what="Checks calls of `.size()` and `.size(dim)` in MindSpore code.",
    why=(
        "In MindSpore 2.x `Tensor.size` is a property holding the number of elements, so `x.size(0)` raises "
        "`TypeError: 'int' object is not callable`. The PyTorch meaning is `x.shape` / `x.shape[i]`."
    ),
    fix=Applicability.SAFE,
    fix_safety="The receiver's type is not known statically: if it is not a tensor (an object with its own `size()` method) the fix is wrong. Such objects are rare in MindSpore modules; the finding is reported with INFERENCE confidence.",
    min_version="2.0",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.size.html",),
)


def check_view_call(ctx: ModuleContext, node: nodes.Call) -> None:
    if not _tensor_method_call(ctx, node, "view"):
        return
    fix = Fix("Use .reshape", (ctx.edit.rename(node.func, "view", "reshape"),))
    ctx.report(TENSOR_VIEW_UNAVAILABLE, node, None, fix, confidence=INFERENCE)


TENSOR_VIEW_UNAVAILABLE = Rule(
    symbol="ms-tensor-view-unavailable",
    node=nodes.Call,
    check=check_view_call,
    message="Tensor.view does not exist before MindSpore 2.0: use '.reshape(...)'",
    summary="x.view(...) when the target MindSpore version has no Tensor.view.",
    what="Checks `.view(...)` calls in MindSpore code when `mindspore-version` is below 2.0.",
    why="`Tensor.view` was added in MindSpore 2.0; on 1.x the call raises AttributeError. `reshape` has the same result.",
    fix=Applicability.SAFE,
    fix_safety="`reshape` returns the same values; only aliasing differs, which MindSpore does not offer either way.",
    max_version="2.0",
    oracle=Oracle.NONE,
    oracle_detail="needs MindSpore 1.x; on 2.10 both forms run and agree",
    references=("https://www.mindspore.cn/docs/en/r2.0/api_python/mindspore/Tensor/mindspore.Tensor.view.html",),
)
