"""Porting rules (72xx): PyTorch idioms left behind in MindSpore code."""

from __future__ import annotations

import difflib

from astroid import nodes
from pylint.interfaces import INFERENCE

from mslint import ast_queries, names
from mslint.checkers import porting_api, porting_train
from mslint.checkers.base import FamilyChecker, Span
from mslint.checkers.porting_api import ApiChecks
from mslint.checkers.porting_train import TORCH_CELL_METHODS, TrainingChecks, cell_or_parameter, foreign, torch_cell_methods
from mslint.facts import cell_facts
from mslint.fixes import Applicability, Edit, Fix
from mslint.rule import MS_API_DOCS, Oracle, Rule, declared_rules

FORWARD_NOT_CONSTRUCT = Rule(
    symbol="ms-forward-not-construct",
    triggers=frozenset({"classdef"}),
    message="'%s' defines forward() but no construct(): MindSpore calls construct(), rename forward to construct",
    summary="A Cell subclass defines forward() and nothing in its hierarchy defines construct().",
    what="Checks `nn.Cell` subclasses that define `forward` while neither the class nor any base defines `construct`.",
    why=(
        "MindSpore runs a Cell through `construct`, not `forward`. Calling such a Cell raises "
        "`AttributeError: For 'Cell', the method 'construct' is not defined.`"
    ),
    fix=Applicability.SAFE,
    fix_safety="Renames the method and the `self.forward(` calls inside the class. Calls of `.forward` from outside the class are not renamed.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html",),
)
DEAD_FORWARD_OVERRIDE = Rule(
    symbol="ms-dead-forward-override",
    triggers=frozenset({"classdef"}),
    message="'%s' overrides forward() but its base %s defines construct(), which never calls forward(): this override is dead code",
    summary="A Cell subclass overrides forward() while a base's construct() runs instead.",
    what=(
        "Checks `nn.Cell` subclasses that define `forward` but not `construct` while a base class defines "
        "`construct`. Stays silent when that `construct` calls `self.forward(...)`."
    ),
    why=(
        "In a half-ported hierarchy the base class is already ported (`construct`) and the subclass still "
        "overrides `forward`. MindSpore runs the base's `construct`, so the subclass's logic silently never runs."
    ),
    fix=Applicability.UNSAFE,
    fix_safety="Renaming `forward` to `construct` makes the override run, which changes what the network computes: review it.",
    oracle=Oracle.DIVERGES,
)
TENSOR_SIZE_CALL = Rule(
    symbol="ms-tensor-size-call",
    triggers=frozenset({"call"}),
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
TENSOR_VIEW_UNAVAILABLE = Rule(
    symbol="ms-tensor-view-unavailable",
    triggers=frozenset({"call"}),
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
UNKNOWN_SELF_ATTRIBUTE = Rule(
    symbol="ms-unknown-self-attribute",
    triggers=frozenset({"classdef"}),
    message="'self.%s' is never assigned in '%s', its bases or nn.Cell%s",
    summary="A Cell method reads self.<name> that nothing assigns (a typo such as self.poss_net).",
    what=(
        "Checks reads of `self.<name>` in the methods of a Cell subclass whose whole hierarchy is known, when "
        "no method of the class or its bases, and nothing in MindSpore's `nn.Cell`, assigns `<name>`. Silent when "
        "the class defines `__getattr__` or sets attributes dynamically (`setattr`, `__dict__`, "
        "`insert_child_to_cell` with a computed name)."
    ),
    why=(
        "The read raises `AttributeError: The 'X' object has no attribute 'poss_net'`; in GRAPH_MODE it is a "
        "compile error. Renamed layers and typos are common when a port is done by hand."
    ),
    fix=Applicability.UNSAFE,
    fix_safety="The closest assigned name is a guess: review that it is the attribute meant.",
    oracle_detail="AttributeError",
)
DROPPED_PARAMETER = Rule(
    symbol="ms-dropped-parameter",
    triggers=frozenset({"classdef"}),
    message="'%s' is not defined in %s(), but the method stores it as self.%s: was it dropped from the signature? Add it back as a keyword parameter",
    summary="A Cell method uses a name that looks like a parameter dropped during the port.",
    what=(
        "Checks Cell methods that read a name which is not a parameter, local, global, import or builtin, when "
        "the same method stores it as `self.<name> = <name>`: the pattern left when a parameter is removed "
        "from the signature but its uses are not (the migration guide's `Bottleneck` drops `mode`)."
    ),
    why="Constructing the Cell raises `NameError: name 'mode' is not defined`.",
    fix=Applicability.UNSAFE,
    fix_safety="Adds `<name>=None` as the last parameter; the right default is for you to choose.",
    oracle_detail="NameError",
)
SUPER_WRONG_CLASS = Rule(
    symbol="ms-super-wrong-class",
    triggers=frozenset({"classdef"}),
    message="super(%s, self) in class '%s': %s is not a base of this class",
    summary="super(WrongClass, self) in a Cell, usually left from copying another class.",
    what="Checks `super(X, self)` calls in Cell subclasses where `X` is neither the class itself nor one of its bases.",
    why="Python raises `TypeError: super(type, obj): obj must be an instance or subtype of type` when the Cell is created.",
    fix=Applicability.SAFE,
    fix_safety="Names the enclosing class, which is what the call means; the code raised before.",
    oracle_detail="TypeError",
)
INIT_BEFORE_SUPER = Rule(
    symbol="ms-init-before-super",
    triggers=frozenset({"classdef"}),
    message="self.%s is assigned a %s before super().__init__() is called: MindSpore raises at this assignment",
    summary="A Cell __init__ assigns sub-cells or Parameters before calling super().__init__().",
    what="Checks `__init__` of Cell subclasses for `self.x = <Cell or Parameter>` before `super().__init__()` runs, or without it.",
    why="`nn.Cell.__setattr__` needs the state set up by `Cell.__init__`: the assignment raises `AttributeError: The 'X' object has no attribute '_auto_prefix'`.",
    fix=Applicability.UNSAFE,
    fix_safety="When `super().__init__()` is missing, the fix inserts it as the first statement; a base that needs arguments must get them by hand. When it is called too late, move it by hand (no fix).",
    oracle_detail="AttributeError",
)


class PortingChecker(ApiChecks, TrainingChecks, FamilyChecker):
    """PyTorch idioms that crash or change meaning in MindSpore."""

    rules = declared_rules(globals(), vars(porting_api), vars(porting_train))

    def open_module(self, node: nodes.Module) -> None:
        self.framework = names.framework_of(node)
        self._open_module(node)

    def visit_classdef(self, node: nodes.ClassDef) -> None:
        hierarchy, framework, complete = names.ancestors(node)
        if not framework & cell_facts().cell_classes:
            return
        self._check_forward(node, hierarchy, framework)
        if complete and framework <= {"mindspore.nn.Cell"}:
            self._check_self_attributes(node, hierarchy)
        for method in ast_queries.methods(node):
            self._check_dropped_parameters(method)
            self._check_super_calls(node, method, hierarchy)
        self._check_init_order(node)

    def visit_call(self, node: nodes.Call) -> None:
        if self.framework == "compat":
            return
        self.check_api_call(node)
        self.check_training_call(node)
        if self.framework == "mindspore" and isinstance(node.func, nodes.Attribute):
            if node.func.attrname == "size":
                self._check_size_call(node)
            elif node.func.attrname == "view":
                self._check_view_call(node)

    def visit_attribute(self, node: nodes.Attribute) -> None:
        if self.framework != "compat":
            self.check_attribute(node)

    # forward / construct

    def _check_forward(self, node: nodes.ClassDef, hierarchy: list[nodes.ClassDef], framework: set[str]) -> None:
        forward = node.locals.get("forward", [None])[0]
        if not isinstance(forward, nodes.FunctionDef) or "construct" in node.locals:
            return
        constructs = [base for base in hierarchy[1:] if isinstance(base.locals.get("construct", [None])[0], nodes.FunctionDef)]
        builtin = sorted(framework - {"mindspore.nn.Cell"})
        if not constructs and not builtin:
            self.report(FORWARD_NOT_CONSTRUCT, forward, (node.name,), self._rename_forward_fix(node, forward, Applicability.SAFE))
            return
        if constructs:
            construct = constructs[0].locals["construct"][0]
            if any(
                isinstance(call.func, nodes.Attribute) and call.func.attrname == "forward"
                for call in ast_queries.descendants(construct, nodes.Call)
            ):
                return
            owner = constructs[0].name
        else:
            owner = builtin[0]
        self.report(DEAD_FORWARD_OVERRIDE, forward, (node.name, owner), self._rename_forward_fix(node, forward, Applicability.UNSAFE))

    def _rename_forward_fix(self, cls: nodes.ClassDef, forward: nodes.FunctionDef, safety: Applicability) -> Fix:
        source = self.source(forward)
        at = ast_queries.name_offset(source, forward, "forward")
        edits = [Edit(at, at + len("forward"), "construct")]
        for method in ast_queries.methods(cls):
            for attribute in ast_queries.self_attribute_reads(method):
                if attribute.attrname == "forward":
                    name_at = ast_queries.end(source, attribute) - len("forward")
                    edits.append(Edit(name_at, name_at + len("forward"), "construct"))
        return Fix("Rename forward to construct", tuple(edits), safety)

    # self.<name> reads

    def _check_self_attributes(self, node: nodes.ClassDef, hierarchy: list[nodes.ClassDef]) -> None:
        if _is_abstract_base(node, hierarchy):
            return
        assigned: set[str] = set()
        for cls in hierarchy:
            if {"__getattr__", "__getattribute__"} & set(cls.locals):
                return
            assigned.update(cls.instance_attrs, cls.locals)
            dynamic = _dynamic_attribute_names(cls)
            if dynamic is None:
                return
            assigned.update(dynamic)
        known = assigned | cell_facts().cell_attributes
        for method in ast_queries.methods(node):
            for attribute in ast_queries.self_attribute_reads(method):
                name = attribute.attrname
                if name in known or isinstance(attribute.parent, nodes.Delete) or _reported_as_torch_method(attribute):
                    continue
                if name in torch_cell_methods() and isinstance(attribute.parent, nodes.Call):
                    continue  # ms-torch-cell-method names the MindSpore method
                close = difflib.get_close_matches(name, sorted(assigned), n=1, cutoff=0.6)
                hint = f"; did you mean 'self.{close[0]}'?" if close else ""
                fix = None
                if close:
                    source = self.source(attribute)
                    at = ast_queries.end(source, attribute) - len(name)
                    fix = Fix(f"Rename to self.{close[0]}", (Edit(at, at + len(name), close[0]),), Applicability.UNSAFE)
                self.report(UNKNOWN_SELF_ATTRIBUTE, attribute, (name, node.name, hint), fix)

    # names dropped from a signature

    def _check_dropped_parameters(self, method: nodes.FunctionDef) -> None:
        stored = {
            statement.value.name
            for statement in ast_queries.descendants(method, nodes.Assign)
            if isinstance(statement.value, nodes.Name)
            and any(isinstance(target, nodes.AssignAttr) and target.attrname == statement.value.name for target in statement.targets)
        }
        for name_node in ast_queries.descendants(method, nodes.Name):
            if name_node.name in stored and ast_queries.is_unbound(name_node):
                fix = self._add_parameter_fix(method, name_node.name)
                self.report(DROPPED_PARAMETER, name_node, (name_node.name, method.name, name_node.name), fix)

    def _add_parameter_fix(self, method: nodes.FunctionDef, name: str) -> Fix | None:
        arguments = method.args
        if arguments.vararg or arguments.kwarg or arguments.kwonlyargs or not arguments.args:
            return None
        source = self.source(method)
        last = arguments.args[-1]
        ends = [ast_queries.end(source, last)]
        if arguments.annotations and arguments.annotations[-1] is not None:
            ends.append(ast_queries.end(source, arguments.annotations[-1]))
        if arguments.defaults:
            ends.append(ast_queries.end(source, arguments.defaults[-1]))
        at = max(ends)
        return Fix(f"Add parameter {name}=None", (Edit(at, at, f", {name}=None"),), Applicability.UNSAFE)

    # super() and __init__ order

    def _check_super_calls(self, node: nodes.ClassDef, method: nodes.FunctionDef, hierarchy: list[nodes.ClassDef]) -> None:
        bases = {cls.name for cls in hierarchy}
        for call in ast_queries.descendants(method, nodes.Call):
            if not (isinstance(call.func, nodes.Name) and call.func.name == "super" and call.args):
                continue
            named = call.args[0]
            if isinstance(named, nodes.Name) and named.name not in bases:
                fix = Fix(f"Use super({node.name}, ...)", (self.replace_node(named, node.name),))
                self.report(SUPER_WRONG_CLASS, named, (named.name, node.name, named.name), fix)

    def _check_init_order(self, node: nodes.ClassDef) -> None:
        init = node.locals.get("__init__", [None])[0]
        if not isinstance(init, nodes.FunctionDef) or init.parent is not node:
            return
        super_lines = [call.lineno for call in ast_queries.descendants(init, nodes.Call) if ast_queries.is_super_init(call)]
        first_super = min(super_lines, default=None)
        for assign in ast_queries.descendants(init, nodes.Assign):
            if first_super is not None and assign.lineno >= first_super:
                continue
            kind = cell_or_parameter(assign.value)
            targets = [t for t in assign.targets if isinstance(t, nodes.AssignAttr) and isinstance(t.expr, nodes.Name) and t.expr.name == ast_queries.self_name(init)]
            if kind and targets:
                fix = self._insert_super_fix(init) if first_super is None else None
                self.report(INIT_BEFORE_SUPER, targets[0], (targets[0].attrname, kind), fix)
                return

    def _insert_super_fix(self, init: nodes.FunctionDef) -> Fix | None:
        first = ast_queries.first_statement_line(init)
        if first is None:
            return None
        source = self.source(init)
        line_start = source.line_starts[first.lineno - 1]
        indent = source.line_text(first.lineno)[: source.char_column(first.lineno, first.col_offset)]
        text = f"{indent}super().__init__(){source.newline}"
        return Fix("Call super().__init__() first", (Edit(line_start, line_start, text),), Applicability.UNSAFE)

    # calls

    def _check_size_call(self, node: nodes.Call) -> None:
        if names.qualified_name(node.func) is not None or len(node.args) + len(node.keywords or ()) > 1:
            return
        if (node.keywords and node.keywords[0].arg != "dim") or foreign(node.func.expr):
            return
        if "size" in node.root().locals or any(isinstance(func, nodes.FunctionDef) and func.name == "size" for func in ast_queries.descendants(node.root(), nodes.FunctionDef)):
            return  # the module defines its own size() (d2l: size = lambda x, *a: x.size(*a)): the receiver may be one of its objects
        source = self.source(node)
        start = ast_queries.end(source, node.func) - len("size")
        argument = [*node.args, *(kw.value for kw in node.keywords or ())]
        replacement = f"shape[{self.node_text(argument[0])}]" if argument else "shape"
        original = source.text[start : ast_queries.end(source, node)]
        fix = Fix(f"Use .{replacement}", (Edit(start, ast_queries.end(source, node), replacement),))
        span = Span.attribute(node.func, source)
        self.report(TENSOR_SIZE_CALL, node, (f".{replacement}", f".{original}"), fix, confidence=INFERENCE, span=span)

    def _check_view_call(self, node: nodes.Call) -> None:
        if names.qualified_name(node.func) is not None:
            return
        source = self.source(node)
        at = ast_queries.end(source, node.func) - len("view")
        fix = Fix("Use .reshape", (Edit(at, at + len("view"), "reshape"),))
        self.report(TENSOR_VIEW_UNAVAILABLE, node, None, fix, confidence=INFERENCE)


def _dynamic_attribute_names(cls: nodes.ClassDef) -> set[str] | None:
    """Attribute names a class sets through setattr-like calls; None when a name is computed."""
    found: set[str] = set()
    for node in ast_queries.descendants(cls, (nodes.Call, nodes.Attribute)):
        if isinstance(node, nodes.Attribute) and node.attrname == "__dict__":
            return None
        if isinstance(node, nodes.Call):
            func = node.func
            called = func.attrname if isinstance(func, nodes.Attribute) else func.name if isinstance(func, nodes.Name) else None
            if called not in ast_queries.DYNAMIC_ATTRIBUTE_CALLS:
                continue
            name_arg = node.args[1] if called == "setattr" and len(node.args) > 1 else node.args[0] if node.args else None
            if not (isinstance(name_arg, nodes.Const) and isinstance(name_arg.value, str)):
                return None
            found.add(name_arg.value)
    return found


def _reported_as_torch_method(attribute: nodes.Attribute) -> bool:
    """``self.train()``, ``self.parameters()``, ...: the training-loop rules report these with their MindSpore name."""
    return isinstance(attribute.parent, nodes.Call) and attribute.parent.func is attribute and attribute.attrname in TORCH_CELL_METHODS


def _is_abstract_base(node: nodes.ClassDef, hierarchy: list[nodes.ClassDef]) -> bool:
    """A base meant to be completed by subclasses: no ``__init__`` in its hierarchy, or subclassed in its module
    (its methods may read attributes the subclasses assign)."""
    if not any("__init__" in cls.locals for cls in hierarchy):
        return True
    return any(
        isinstance(base, nodes.Name) and base.name == node.name
        for other in ast_queries.descendants(node.root(), nodes.ClassDef)
        for base in other.bases
    )
