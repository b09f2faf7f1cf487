"""Porting rules for PyTorch training-loop idioms on MindSpore Cells, tensors and optimizers.

Receiver honesty: ``.train()``, ``.eval()`` and ``.parameters()`` are reported only on receivers known to be
Cells (``self`` in a Cell subclass, or a name assigned from a Cell class call in the same scope);
``.parameters()`` passed to a MindSpore optimizer is reported at INFERENCE confidence otherwise.
"""

from __future__ import annotations

from functools import cache

import astroid
from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE, Confidence

from mslint import ast_queries, names
from mslint.checkers import porting_calls as calls
from mslint.facts import cell_facts
from mslint.fixes import Applicability, Edit, Fix
from mslint.knowledge import ApiMapping, load_signatures, load_torch_mapping
from mslint.rule import MS_API_DOCS, Rule

TRAIN_EVAL_CALL = Rule(
    symbol="ms-train-eval-call",
    triggers=frozenset({"call"}),
    message="Cell has no %s() in MindSpore: use %s",
    summary="PyTorch's .train() / .eval() on a MindSpore Cell.",
    what="Checks `.train()`, `.train(mode)` and `.eval()` called on a receiver known to be a Cell: `self` in a Cell subclass, or a name assigned from a Cell class call in the same scope.",
    why="`nn.Cell` has neither method: `AttributeError: The 'Net' object has no attribute 'train'`. A Cell also starts in inference mode, where a PyTorch module starts in training mode.",
    fix=Applicability.SAFE,
    fix_safety="`set_train(True)` / `set_train(False)` is what the PyTorch call means; the code raised before.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html#mindspore.nn.Cell.set_train",),
)
PARAMETERS_CALL = Rule(
    symbol="ms-parameters-call",
    triggers=frozenset({"call"}),
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
TORCH_TRAINING_STEP = Rule(
    symbol="ms-torch-training-step",
    triggers=frozenset({"call"}),
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
TENSOR_REPEAT_OFF_ASCEND = Rule(
    symbol="ms-tensor-repeat-off-ascend",
    triggers=frozenset({"call"}),
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
    fix_safety="Only when the arguments are literal repeat counts (`repeat(2, 2)`, `repeat((2, 2))`): `tile((2, 2))` equals torch's `repeat(2, 2)` (checked for equal, more and fewer dims). Offered as unsafe on receivers of unknown type.",
    oracle_detail="RuntimeError",
    targets=frozenset({"cpu", "gpu"}),
    references=(f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.repeat.html", f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.tile.html"),
)
TORCH_DEVICE_METHOD = Rule(
    symbol="ms-torch-device-method",
    triggers=frozenset({"call"}),
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
    fix_safety="Removes `.cuda()`, `.cpu()`, `.to('cuda')` (the value is unchanged; placement is global), or the whole statement when the call is one; `x.detach()` becomes `ops.stop_gradient(x)` when the module imports `mindspore.ops`. Unsafe on receivers of unknown type.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.stop_gradient.html", f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.to.html"),
)

_DEVICE_METHODS = ("cuda", "cpu", "detach", "to")
_PARAMETER_METHODS = {"parameters": "get_parameters"}
TORCH_CELL_METHODS = frozenset({"train", "eval", *_PARAMETER_METHODS})  # reported on Cells by E7218 / E7219

_STEP_ADVICE = {
    "backward": "use grads = ms.value_and_grad(forward_fn, None, optimizer.parameters)(...)[1]",
    "zero_grad": "delete it (gradients are returned, not accumulated)",
    "step": "call optimizer(grads) with the gradients from ms.value_and_grad",
}


def cell_or_parameter(value: nodes.NodeNG) -> str | None:
    """'Cell' or 'Parameter' when ``value`` constructs one (a MindSpore or project Cell class), else None."""
    if not isinstance(value, nodes.Call):
        return None
    name = names.qualified_name(value.func)
    if name in ("mindspore.Parameter", "mindspore.nn.Parameter"):
        return "Parameter"
    if name in cell_facts().cell_classes:
        return "Cell"
    if name is None:
        try:
            inferred = next(value.func.infer())
        except (astroid.InferenceError, StopIteration):
            return None
        if isinstance(inferred, nodes.ClassDef) and names.is_cell_class(inferred, cell_facts().cell_classes):
            return "Cell"
    return None


def is_optimizer_class(qualname: str | None) -> bool:
    """A MindSpore optimizer: a ``mindspore.nn`` class taking ``params`` first and a ``learning_rate``."""
    if not names.is_mindspore_name(qualname) or not calls.is_class(qualname):
        return False
    signature = calls.overloads(qualname)[0]
    return bool(signature) and signature[0].name == "params" and calls.param(signature, "learning_rate") is not None


def _assigned_value(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the single assignment of ``name`` in its scope, if there is exactly one."""
    statements = ast_queries.bindings(name)
    if statements is None or len(statements) != 1 or not isinstance(statements[0], nodes.AssignName):
        return None
    parent = statements[0].parent
    return parent.value if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 else None


def _tensor_call(value: nodes.NodeNG) -> bool:
    """A call of ``mindspore.Tensor`` or of a MindSpore function (they return tensors)."""
    name = names.qualified_name(value.func) if isinstance(value, nodes.Call) else None
    return name == "mindspore.Tensor" or (names.is_mindspore_name(name) and not calls.is_class(name) and bool(calls.overloads(name)))


def foreign(receiver: nodes.NodeNG) -> bool:
    """The receiver is built by another library: its call chain starts at a non-MindSpore name (``np.arange``), or
    at a ``torch`` left unbound by the port (reported by ``ms-torch-not-imported``, not as a MindSpore tensor)."""
    while isinstance(receiver, (nodes.Call, nodes.Attribute, nodes.Subscript)):
        name = names.qualified_name(receiver.func if isinstance(receiver, nodes.Call) else receiver)
        if name is not None:
            return not names.is_mindspore_name(name)
        receiver = receiver.func if isinstance(receiver, nodes.Call) else receiver.expr if isinstance(receiver, nodes.Attribute) else receiver.value
    if isinstance(receiver, nodes.Name) and receiver.name == "torch" and not _bound(receiver):
        return True
    value = _assigned_value(receiver) if isinstance(receiver, nodes.Name) else None
    return value is not None and value is not receiver and foreign(value)


def _bound(name: nodes.Name) -> bool:
    statements = ast_queries.bindings(name)
    return statements is None or bool(statements)


def receiver_kind(receiver: nodes.NodeNG) -> str | None:
    """'cell', 'optimizer' or 'tensor' when the receiver is known to be one: built by a MindSpore call, ``self`` in
    a Cell, a name assigned once from a Cell/optimizer/tensor call, a parameter annotated with a Cell or optimizer
    class, or ``self.<attr>`` that every assignment in the class sets to one of them."""
    if _tensor_call(receiver):
        return "tensor"
    if isinstance(receiver, nodes.Attribute):
        return _self_attribute_kind(receiver)
    if not isinstance(receiver, nodes.Name):
        return None
    scope = receiver.frame()
    if _is_self(receiver):
        cls = scope.parent
        return "cell" if isinstance(cls, nodes.ClassDef) and names.is_cell_class(cls, cell_facts().cell_classes) else None
    annotation = _parameter_annotation(receiver)
    if annotation is not None:
        return _class_kind(annotation)
    return _value_kind(_assigned_value(receiver))


def _is_self(name: nodes.NodeNG) -> bool:
    """``name`` is the first parameter of the method it is used in."""
    scope = name.frame() if isinstance(name, nodes.Name) else None
    return (
        isinstance(scope, nodes.FunctionDef)
        and scope.type == "method"
        and bool(scope.args.args)
        and scope.args.args[0].name == name.name
        and isinstance(scope.parent, nodes.ClassDef)
    )


def _value_kind(value: nodes.NodeNG | None) -> str | None:
    """The kind of object a call builds: a MindSpore optimizer, tensor or a Cell."""
    if not isinstance(value, nodes.Call):
        return None
    if is_optimizer_class(names.qualified_name(value.func)):
        return "optimizer"
    if _tensor_call(value):
        return "tensor"
    return "cell" if cell_or_parameter(value) == "Cell" else None


def _class_kind(annotation: nodes.NodeNG) -> str | None:
    """'cell' or 'optimizer' for an annotation naming a Cell or optimizer class."""
    name = names.qualified_name(annotation)
    if name == "mindspore.nn.Optimizer" or is_optimizer_class(name):
        return "optimizer"
    if name in cell_facts().cell_classes:
        return "cell"
    if name is None and isinstance(annotation, (nodes.Name, nodes.Attribute)):
        try:
            inferred = next(annotation.infer())
        except (astroid.InferenceError, StopIteration):
            return None
        if isinstance(inferred, nodes.ClassDef) and names.is_cell_class(inferred, cell_facts().cell_classes):
            return "cell"
    return None


def _parameter_annotation(name: nodes.Name) -> nodes.NodeNG | None:
    """The annotation of the function parameter ``name`` refers to, when it is not reassigned."""
    found = ast_queries.only_parameter(name)
    if found is None:
        return None
    arguments, parameter = found
    for index, argument in enumerate(arguments.args):
        if argument is parameter:
            return arguments.annotations[index]
    for index, argument in enumerate(arguments.kwonlyargs):
        if argument is parameter:
            return arguments.kwonlyargs_annotations[index]
    return None


def _self_attribute_kind(receiver: nodes.Attribute) -> str | None:
    """The kind of ``self.<attr>`` when every assignment of the attribute in its class builds the same kind."""
    if not (isinstance(receiver.expr, nodes.Name) and _is_self(receiver.expr)):
        return None
    cls = receiver.expr.frame().parent
    assignments = cls.instance_attrs.get(receiver.attrname, [])
    kinds = set()
    for target in assignments:
        parent = target.parent
        value = parent.value if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is target else None
        if isinstance(parent, nodes.AnnAssign) and parent.target is target:
            kinds.add(_class_kind(parent.annotation) if parent.value is None else _value_kind(parent.value))
            continue
        kinds.add(_value_kind(value))
    return kinds.pop() if len(kinds) == 1 else None


class TrainingChecks:
    """The checks of the rules above; mixed into PortingChecker."""

    framework: str  # the module's framework, set per module by PortingChecker

    def check_training_call(self, call: nodes.Call) -> None:
        func = call.func
        if self.framework not in ("mindspore", "mixed") or not isinstance(func, nodes.Attribute):
            return
        if names.qualified_name(func) is not None:
            return
        method, receiver = func.attrname, func.expr
        if {f"mindspore.nn.Cell.{method}", f"mindspore.nn.Optimizer.{method}", f"mindspore.Tensor.{method}"} & self._patched:
            return  # the project gives MindSpore this torch-style method
        if method in ("train", "eval"):
            self._check_train_eval(call, method, receiver)
        elif method in _PARAMETER_METHODS and not call.args and not call.keywords:
            self._check_parameters(call, method, receiver)
        elif method in _STEP_ADVICE and not call.args:
            self._check_step(call, method, receiver)
        if method == "repeat" or method in _DEVICE_METHODS:
            confidence = self._receiver_confidence(receiver)
            if confidence is not None and method == "repeat":
                self._check_repeat(call, receiver, confidence)
            elif confidence is not None:
                self._check_device_method(call, method, receiver, confidence)

    def _receiver_confidence(self, receiver: nodes.NodeNG) -> Confidence | None:
        """HIGH on a known MindSpore tensor or Cell; INFERENCE on an unknown receiver in a mindspore-only file."""
        kind = receiver_kind(receiver)
        if kind in ("tensor", "cell"):
            return HIGH
        if kind is None and self.framework == "mindspore" and not foreign(receiver):
            return INFERENCE
        return None

    def _check_repeat(self, call: nodes.Call, receiver: nodes.NodeNG, confidence: Confidence) -> None:
        counts = call.args[0].elts if len(call.args) == 1 and isinstance(call.args[0], (nodes.Tuple, nodes.List)) else call.args
        if call.keywords or not counts or not all(isinstance(c, nodes.Const) and type(c.value) is int for c in counts):
            fix, replacement = None, ".tile(reps)"
        else:
            replacement = f".tile(({', '.join(str(c.value) for c in counts)}{',' if len(counts) == 1 else ''}))"
            fix = self._method_fix(call, replacement[1:], confidence)
        self.report(TENSOR_REPEAT_OFF_ASCEND, call, (self.settings.target.upper(), replacement), fix, confidence=confidence)

    def _check_device_method(self, call: nodes.Call, method: str, receiver: nodes.NodeNG, confidence: Confidence) -> None:
        if method == "to":
            device = call.args[0] if call.args else ast_queries.keyword(call, "device").value if ast_queries.keyword(call, "device") else None
            if not (isinstance(device, nodes.Const) and isinstance(device.value, str) and device.value.startswith("cuda")):
                return
        elif call.args or call.keywords or (method == "detach" and receiver_kind(receiver) == "cell"):
            return
        kind = "Cell" if receiver_kind(receiver) == "cell" else "Tensor"
        receiver_text = self.node_text(receiver)
        problem = "raises ValueError" if method == "to" else "does not exist"
        if method == "detach":
            spelled = names.spelling(call.root(), "mindspore.ops.stop_gradient")
            advice = f"use {spelled or 'ops.stop_gradient'}({receiver_text})"
            fix = self._replace_fix(call, f"{spelled}({receiver_text})", confidence) if spelled else None
        elif isinstance(call.parent, nodes.Expr) and (call.parent.previous_sibling() or call.parent.next_sibling()):
            advice = "delete the statement (placement is global: mindspore.set_device)"
            source = self.source(call)
            start = source.line_starts[call.parent.lineno - 1]
            end = source.line_starts[call.parent.end_lineno] if call.parent.end_lineno < len(source.line_starts) else len(source.text)
            fix = Fix("Delete the statement", (Edit(start, end, ""),), _applicability(confidence))
        else:
            advice = f"use {receiver_text} (placement is global: mindspore.set_device)"
            fix = self._replace_fix(call, receiver_text, confidence)
        self.report(TORCH_DEVICE_METHOD, call, (f".{self.node_text(call)[len(receiver_text) + 1:]}", problem, kind, advice), fix, confidence=confidence)

    def _method_fix(self, call: nodes.Call, replacement: str, confidence: Confidence) -> Fix:
        """Replace ``.method(args)`` by ``.replacement``."""
        source = self.source(call)
        at = source.offset(call.func.end_lineno, call.func.end_col_offset) - len(call.func.attrname)
        end = source.offset(call.end_lineno, call.end_col_offset)
        return Fix(f"Use .{replacement}", (Edit(at, end, replacement),), _applicability(confidence))

    def _replace_fix(self, call: nodes.Call, replacement: str, confidence: Confidence) -> Fix:
        """Replace the whole call by ``replacement``."""
        return Fix(f"Use {replacement}", (self.replace_node(call, replacement),), _applicability(confidence))

    def _check_train_eval(self, call: nodes.Call, method: str, receiver: nodes.NodeNG) -> None:
        if receiver_kind(receiver) != "cell" or len(call.args) + len(call.keywords or ()) > (1 if method == "train" else 0):
            return
        argument = call.args[0] if call.args else call.keywords[0].value if call.keywords else None
        replacement = "set_train(False)" if method == "eval" else f"set_train({self.node_text(argument)})" if argument else "set_train()"
        source = self.source(call)
        at = source.offset(call.func.end_lineno, call.func.end_col_offset) - len(method)
        end = source.offset(call.end_lineno, call.end_col_offset)
        fix = Fix(f"Use {replacement}", (Edit(at, end, replacement),))
        self.report(TRAIN_EVAL_CALL, call, (method, replacement), fix)

    def _check_parameters(self, call: nodes.Call, method: str, receiver: nodes.NodeNG) -> None:
        if load_signatures().exists(f"mindspore.nn.Cell.{method}", self.settings.mindspore_version) is not False:
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
        source = self.source(call)
        at = source.offset(call.func.end_lineno, call.func.end_col_offset) - len(method)
        fix = Fix(f"Use {replacement}()", (Edit(at, at + len(method), replacement),))
        self.report(PARAMETERS_CALL, call, (f"{self.node_text(receiver)}.{replacement}()",), fix, confidence=HIGH if known else INFERENCE)

    def _check_step(self, call: nodes.Call, method: str, receiver: nodes.NodeNG) -> None:
        kind = receiver_kind(receiver)
        if method == "step" and kind != "optimizer":
            return
        if method == "backward" and kind in ("cell", "optimizer"):
            return
        if kind is None and (self.framework == "mixed" or foreign(receiver)):
            return  # a torch tensor or optimizer in a half-ported file (optimizer = torch.optim.AdamW(...))
        confidence = HIGH if kind == "optimizer" or (method == "backward" and kind == "tensor") else INFERENCE
        self.report(TORCH_TRAINING_STEP, call, (f"{self.node_text(call)}", _STEP_ADVICE[method]), confidence=confidence)


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


def _check_torch_cell_method(checker: TrainingChecks, call: nodes.Call) -> None:
    func = call.func
    if checker.framework not in ("mindspore", "mixed") or not isinstance(func, nodes.Attribute):
        return
    entry = torch_cell_methods().get(func.attrname)
    if entry is None or names.qualified_name(func) is not None or receiver_kind(func.expr) != "cell":
        return
    target = entry.ms.rpartition(".")[2]
    fix = None
    if entry.kind == "renamed-args" and not call.keywords:
        at = ast_queries.end(checker.source(call), func) - len(func.attrname)
        fix = Fix(f"Use {target}()", (Edit(at, at + len(func.attrname), target),))
    note = f" ({entry.note})" if entry.kind == "semantic-diff" else ""
    checker.report(TORCH_CELL_METHOD, func, (func.attrname, target, note), fix)


TORCH_CELL_METHOD = Rule(
    symbol="ms-torch-cell-method",
    triggers=frozenset({"call"}),
    check=_check_torch_cell_method,
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
    fix_safety="Renames the method when MindSpore's takes the same arguments (`named_parameters()`, `children()`, `add_module(name, cell)`); the code raised before. No fix for `modules()` and `named_children()`, whose MindSpore counterparts yield (name, cell) pairs or return a dict.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html",),
)
