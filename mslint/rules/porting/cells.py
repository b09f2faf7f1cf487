"""Porting rules on the structure of Cell subclasses: forward instead of construct, attributes nothing assigns,
parameters dropped from a signature, super() naming another class, sub-cells assigned before Cell.__init__."""

from __future__ import annotations

import difflib

import astroid

from astroid import nodes

from mslint.analysis import ast_queries, calls, names
from mslint.analysis.receivers import cell_or_parameter
from mslint.core.edits import Applicability, Edit, Fix
from mslint.engine.context import ModuleContext
from mslint.engine.rule import MS_API_DOCS, Oracle, Rule
from mslint.knowledge.facts import cell_facts


def _cell_class(ctx: ModuleContext, node: nodes.ClassDef) -> tuple[list[nodes.ClassDef], set[str], bool] | None:
    """(hierarchy, MindSpore bases, whether the hierarchy is known completely) of a Cell subclass, else None."""
    hierarchy, framework, complete = names.ancestors(node)
    return (hierarchy, framework, complete) if framework & cell_facts().cell_classes else None


# forward / construct


def _forward_owner(ctx: ModuleContext, node: nodes.ClassDef) -> tuple[nodes.FunctionDef, str | None] | None:
    """(forward, the base whose construct runs instead, or None when nothing defines construct) of a Cell class that
    defines forward() but not construct(); None when there is nothing to report."""
    cell = ctx.memo(_cell_class, node)
    forward = node.locals.get("forward", [None])[0]
    if cell is None or not isinstance(forward, nodes.FunctionDef) or "construct" in node.locals:
        return None
    hierarchy, framework, _ = cell
    constructs = [base for base in hierarchy[1:] if isinstance(base.locals.get("construct", [None])[0], nodes.FunctionDef)]
    builtin = sorted(framework - {"mindspore.nn.Cell"})
    if not constructs and not builtin:
        return forward, None
    if constructs:
        construct = constructs[0].locals["construct"][0]
        if any(
            isinstance(call.func, nodes.Attribute) and call.func.attrname == "forward"
            for call in ast_queries.descendants(construct, nodes.Call)
        ):
            return None
        return forward, constructs[0].name
    return forward, builtin[0]


def check_forward_not_construct(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    found = ctx.memo(_forward_owner, node)
    if found is not None and found[1] is None:
        ctx.report(FORWARD_NOT_CONSTRUCT, found[0], (node.name,), _rename_forward_fix(ctx, node, found[0], Applicability.SAFE))


FORWARD_NOT_CONSTRUCT = Rule(
    symbol="ms-forward-not-construct",
    node=nodes.ClassDef,
    check=check_forward_not_construct,
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


def check_dead_forward(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    found = ctx.memo(_forward_owner, node)
    if found is not None and found[1] is not None:
        fix = _rename_forward_fix(ctx, node, found[0], Applicability.UNSAFE)
        ctx.report(DEAD_FORWARD_OVERRIDE, found[0], (node.name, found[1]), fix)


DEAD_FORWARD_OVERRIDE = Rule(
    symbol="ms-dead-forward-override",
    node=nodes.ClassDef,
    check=check_dead_forward,
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


def _rename_forward_fix(ctx: ModuleContext, cls: nodes.ClassDef, forward: nodes.FunctionDef, safety: Applicability) -> Fix:
    return _rename_to_construct(ctx, cls, forward, safety)


def _rename_to_construct(ctx: ModuleContext, cls: nodes.ClassDef, method: nodes.FunctionDef, safety: Applicability) -> Fix:
    """Rename a method to ``construct``, with the ``self.<method>`` reads of the class."""
    old = method.name
    edits = [ctx.edit.rename(method, old, "construct")]
    for other in ast_queries.methods(cls):
        for attribute in ast_queries.self_attribute_reads(other):
            if attribute.attrname == old:
                edits.append(ctx.edit.rename(attribute, old, "construct"))
    return Fix(f"Rename {old} to construct", tuple(edits), safety)


# construct misspelt


def check_construct_misspelt(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    cell = ctx.memo(_cell_class, node)
    if cell is None or not cell[2] or not cell[1] <= {"mindspore.nn.Cell"}:
        return  # a MindSpore layer base (or an unknown one) may bring its construct
    if any("construct" in cls.locals or "forward" in cls.locals or "__getattr__" in cls.locals for cls in cell[0]):
        return
    for method in ast_queries.methods(node):
        if method.name != "construct" and difflib.SequenceMatcher(None, method.name, "construct").ratio() >= CONSTRUCT_LIKENESS:
            ctx.report(CONSTRUCT_MISSPELT, method, (method.name, node.name), _rename_to_construct(ctx, node, method, Applicability.SAFE))
            return


CONSTRUCT_LIKENESS = 0.75  # constrcut, contruct, construt, constuct, Construct: 0.78-0.94; "instruct" 0.71
CONSTRUCT_MISSPELT = Rule(
    symbol="ms-construct-misspelt",
    node=nodes.ClassDef,
    check=check_construct_misspelt,
    message="'%s' looks like a misspelt construct(): MindSpore calls construct(), which '%s' does not define",
    summary="A Cell subclass with no construct() anywhere in its hierarchy, but a method named like it (constrcut).",
    what=(
        "Checks `nn.Cell` subclasses whose whole hierarchy is known, none of which defines `construct` (nor "
        "`forward`, reported by `ms-forward-not-construct`), when a method's name is within a few letters of "
        "`construct` (`constrcut`, `contruct`, `construt`)."
    ),
    why="Calling the Cell raises `AttributeError: For 'Cell', the method 'construct' is not defined.`",
    fix=Applicability.SAFE,
    fix_safety="Renames the method and its `self.<name>` reads inside the class; the Cell raised when called before.",
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html",),
)


# Cells held in plain lists and dicts


def _cells_held(ctx: ModuleContext, value: nodes.NodeNG) -> bool:
    """A list, tuple or dict literal (or comprehension) whose elements build Cells."""
    if isinstance(value, (nodes.List, nodes.Tuple)):
        elements = value.elts
    elif isinstance(value, nodes.Dict):
        elements = [item for _, item in value.items]
    elif isinstance(value, (nodes.ListComp, nodes.DictComp)):
        elements = [value.elt if isinstance(value, nodes.ListComp) else value.value]
    else:
        return False
    return bool(elements) and all(cell_or_parameter(element) == "Cell" for element in elements)


def _passed_on(cls: nodes.ClassDef, attribute: str) -> bool:
    """``self.<attribute>`` is handed to a call (``nn.SequentialCell(*self.layers)``): a container may hold them."""
    for call in ast_queries.descendants(cls, nodes.Call):
        for argument in [*call.args, *(keyword.value for keyword in call.keywords or ())]:
            inner = argument.value if isinstance(argument, nodes.Starred) else argument
            if isinstance(inner, nodes.Attribute) and inner.attrname == attribute and isinstance(inner.expr, nodes.Name) and inner.expr.name == "self":
                return True
    return False


def check_cells_not_registered(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    init = node.locals.get("__init__", [None])[0]
    if ctx.memo(_cell_class, node) is None or not isinstance(init, nodes.FunctionDef) or init.parent is not node:
        return
    self_name = ast_queries.self_name(init)
    for assign in ast_queries.descendants(init, nodes.Assign):
        target = assign.targets[0] if len(assign.targets) == 1 else None
        if not (isinstance(target, nodes.AssignAttr) and isinstance(target.expr, nodes.Name) and target.expr.name == self_name):
            continue
        if not _cells_held(ctx, assign.value) or _passed_on(node, target.attrname):
            continue
        container = "mindspore.nn.CellDict" if isinstance(assign.value, (nodes.Dict, nodes.DictComp)) else "mindspore.nn.CellList"
        spelled = names.spelling(ctx.module, container)
        fix = Fix(f"Wrap in {spelled}", (ctx.edit.replace(assign.value, f"{spelled}({ctx.text(assign.value)})"),), Applicability.UNSAFE) if spelled else None
        kind = "dict" if container.endswith("Dict") else "list"
        ctx.report(CELLS_NOT_REGISTERED, target, (target.attrname, kind, container.removeprefix("mindspore.")), fix)


CELLS_NOT_REGISTERED = Rule(
    symbol="ms-cells-not-registered",
    node=nodes.ClassDef,
    check=check_cells_not_registered,
    message="self.%s is a plain %s of Cells: MindSpore registers only Cells held by attributes or Cell containers, so their parameters are not trained or saved; use %s(...)",
    summary="Sub-cells kept in a plain list or dict attribute (not nn.CellList / nn.CellDict).",
    what=(
        "Checks `self.<name> = [<Cell>, ...]` (a list, tuple or dict literal or comprehension whose elements build "
        "Cells) in a Cell's `__init__`, unless the attribute is handed on to a call (`nn.SequentialCell(*self.layers)` "
        "registers them)."
    ),
    why=(
        "`nn.Cell.__setattr__` registers a Cell or a Cell container, not a list of Cells: `trainable_params()` "
        "misses their weights, the optimizer never updates them and checkpoints do not save them. PyTorch's "
        "`nn.ModuleList` has the same role."
    ),
    fix=Applicability.UNSAFE,
    fix_safety="Wraps the value in `nn.CellList(...)` / `nn.CellDict(...)`: the parameters are then trained and saved (checkpoint keys change).",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.CellList.html",),
)


# parameters a Cell takes and never passes on


def _defaulted_parameters(ctx: ModuleContext, init: nodes.FunctionDef) -> dict[str, tuple[str, nodes.Call]]:
    """Parameter name -> (the MindSpore class built in ``init`` (or its ``super().__init__``) that takes it with a
    default, the call that builds it without it); a parameter some build passes is left out."""
    left: dict[str, tuple[str, nodes.Call]] = {}
    passed: set[str] = set()
    for call in ast_queries.descendants(init, nodes.Call):
        name = ctx.callee(call) or calls.super_init_target(call)
        if not (names.is_mindspore_name(name) and calls.is_class(name) and name not in ctx.patched and calls.overloads(name)):
            continue
        params = calls.overloads(name)[0]
        for parameter in params:
            if calls.passed(call, params, parameter.name) is not None or any(keyword.arg is None for keyword in call.keywords or ()):
                passed.add(parameter.name)
            elif parameter.default is not None:
                left.setdefault(parameter.name, (name, call))
    return {parameter: found for parameter, found in left.items() if parameter not in passed}


def check_parameter_not_forwarded(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    init = node.locals.get("__init__", [None])[0]
    if ctx.memo(_cell_class, node) is None or not isinstance(init, nodes.FunctionDef) or init.parent is not node or init.args.kwarg:
        return
    read = {name.name for name in ast_queries.descendants(init, nodes.Name)}
    taken = _defaulted_parameters(ctx, init)
    for argument in [*init.args.args[1:], *init.args.kwonlyargs]:
        if argument.name in read or argument.name not in taken:
            continue
        try:
            init.args.default_value(argument.name)
        except astroid.NoDefault:
            continue  # a required parameter nobody uses is a different mistake
        api, call = taken[argument.name]
        edit = ctx.edit.add_keyword(call, f"{argument.name}={argument.name}")
        fix = Fix(f"Pass {argument.name}={argument.name}", (edit,), Applicability.UNSAFE) if edit else None
        ctx.report(PARAMETER_NOT_FORWARDED, call, (argument.name, node.name, api.removeprefix("mindspore."), argument.name), fix)


PARAMETER_NOT_FORWARDED = Rule(
    symbol="ms-parameter-not-forwarded",
    node=nodes.ClassDef,
    check=check_parameter_not_forwarded,
    message="'%s' is accepted by %s.__init__ but never passed on: %s, built here, runs with its own default %s",
    summary="A Cell's __init__ takes a parameter of a MindSpore layer it builds, with a default, and never passes it on.",
    what=(
        "Checks `__init__` of Cell subclasses for parameters with a default that the body never reads while a "
        "MindSpore class it builds (or its MindSpore base, through `super().__init__`) takes a parameter of that "
        "name with a default and is built without it: `class BN(nn.BatchNorm2d): def __init__(self, c, momentum=1e-3, eps=1e-3): super().__init__(c)`, "
        "or `ignore_index=255` accepted and `NLLLoss()` built without it. Silent with `**kwargs`."
    ),
    why="Callers pass the value and believe it is used; the layer silently runs with MindSpore's default instead.",
    fix=Applicability.UNSAFE,
    fix_safety="Passes the parameter on by keyword: the layer then runs with the caller's value, which changes what it computes.",
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.BatchNorm2d.html",),
)



# self.<name> reads


def check_self_attributes(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    cell = ctx.memo(_cell_class, node)
    if cell is None:
        return
    hierarchy, framework, complete = cell
    if not complete or not framework <= {"mindspore.nn.Cell"} or _is_abstract_base(node, hierarchy):
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
            if name in known or isinstance(attribute.parent, nodes.Delete):
                continue
            close = difflib.get_close_matches(name, sorted(assigned), n=1, cutoff=0.6)
            hint = f"; did you mean 'self.{close[0]}'?" if close else ""
            fix = None
            if close:
                fix = Fix(f"Rename to self.{close[0]}", (ctx.edit.rename(attribute, name, close[0]),), Applicability.UNSAFE)
            ctx.report(UNKNOWN_SELF_ATTRIBUTE, attribute, (name, node.name, hint), fix)


UNKNOWN_SELF_ATTRIBUTE = Rule(
    symbol="ms-unknown-self-attribute",
    node=nodes.ClassDef,
    check=check_self_attributes,
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


# names dropped from a signature


def check_dropped_parameters(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    if ctx.memo(_cell_class, node) is None:
        return
    for method in ast_queries.methods(node):
        stored = {
            statement.value.name
            for statement in ast_queries.descendants(method, nodes.Assign)
            if isinstance(statement.value, nodes.Name)
            and any(isinstance(target, nodes.AssignAttr) and target.attrname == statement.value.name for target in statement.targets)
        }
        for name_node in ast_queries.descendants(method, nodes.Name):
            if name_node.name in stored and ast_queries.is_unbound(name_node):
                fix = _add_parameter_fix(ctx, method, name_node.name)
                ctx.report(DROPPED_PARAMETER, name_node, (name_node.name, method.name, name_node.name), fix)


DROPPED_PARAMETER = Rule(
    symbol="ms-dropped-parameter",
    node=nodes.ClassDef,
    check=check_dropped_parameters,
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


def _add_parameter_fix(ctx: ModuleContext, method: nodes.FunctionDef, name: str) -> Fix | None:
    arguments = method.args
    if arguments.vararg or arguments.kwarg or arguments.kwonlyargs or not arguments.args:
        return None
    ends = [ctx.edit.end(arguments.args[-1])]
    if arguments.annotations and arguments.annotations[-1] is not None:
        ends.append(ctx.edit.end(arguments.annotations[-1]))
    if arguments.defaults:
        ends.append(ctx.edit.end(arguments.defaults[-1]))
    at = max(ends)
    return Fix(f"Add parameter {name}=None", (Edit(at, at, f", {name}=None"),), Applicability.UNSAFE)


# super() and __init__ order


def check_super_calls(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    cell = ctx.memo(_cell_class, node)
    if cell is None:
        return
    bases = {cls.name for cls in cell[0]}
    for method in ast_queries.methods(node):
        for call in ast_queries.descendants(method, nodes.Call):
            if not (isinstance(call.func, nodes.Name) and call.func.name == "super" and call.args):
                continue
            named = call.args[0]
            if isinstance(named, nodes.Name) and named.name not in bases:
                fix = Fix(f"Use super({node.name}, ...)", (ctx.edit.replace(named, node.name),))
                ctx.report(SUPER_WRONG_CLASS, named, (named.name, node.name, named.name), fix)


SUPER_WRONG_CLASS = Rule(
    symbol="ms-super-wrong-class",
    node=nodes.ClassDef,
    check=check_super_calls,
    message="super(%s, self) in class '%s': %s is not a base of this class",
    summary="super(WrongClass, self) in a Cell, usually left from copying another class.",
    what="Checks `super(X, self)` calls in Cell subclasses where `X` is neither the class itself nor one of its bases.",
    why="Python raises `TypeError: super(type, obj): obj must be an instance or subtype of type` when the Cell is created.",
    fix=Applicability.SAFE,
    fix_safety="Names the enclosing class, which is what the call means; the code raised before.",
    oracle_detail="TypeError",
)


def check_init_order(ctx: ModuleContext, node: nodes.ClassDef) -> None:
    init = node.locals.get("__init__", [None])[0]
    if ctx.memo(_cell_class, node) is None or not isinstance(init, nodes.FunctionDef) or init.parent is not node:
        return
    super_lines = [call.lineno for call in ast_queries.descendants(init, nodes.Call) if ast_queries.is_super_init(call)]
    first_super = min(super_lines, default=None)
    for assign in ast_queries.descendants(init, nodes.Assign):
        if first_super is not None and assign.lineno >= first_super:
            continue
        kind = cell_or_parameter(assign.value)
        targets = [t for t in assign.targets if isinstance(t, nodes.AssignAttr) and isinstance(t.expr, nodes.Name) and t.expr.name == ast_queries.self_name(init)]
        if kind and targets:
            first = ast_queries.first_statement_line(init)
            fix = None
            if first_super is None and first is not None:
                fix = Fix("Call super().__init__() first", (ctx.edit.insert_before(first, "super().__init__()"),), Applicability.UNSAFE)
            ctx.report(INIT_BEFORE_SUPER, targets[0], (targets[0].attrname, kind), fix)
            return


INIT_BEFORE_SUPER = Rule(
    symbol="ms-init-before-super",
    node=nodes.ClassDef,
    check=check_init_order,
    message="self.%s is assigned a %s before super().__init__() is called: MindSpore raises at this assignment",
    summary="A Cell __init__ assigns sub-cells or Parameters before calling super().__init__().",
    what="Checks `__init__` of Cell subclasses for `self.x = <Cell or Parameter>` before `super().__init__()` runs, or without it.",
    why="`nn.Cell.__setattr__` needs the state set up by `Cell.__init__`: the assignment raises `AttributeError: The 'X' object has no attribute '_auto_prefix'`.",
    fix=Applicability.UNSAFE,
    fix_safety="When `super().__init__()` is missing, the fix inserts it as the first statement; a base that needs arguments must get them by hand. When it is called too late, move it by hand (no fix).",
    oracle_detail="AttributeError",
)


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
