"""Porting rules on the structure of Cell subclasses: forward instead of construct, attributes nothing assigns,
parameters dropped from a signature, super() naming another class, sub-cells assigned before Cell.__init__."""

from __future__ import annotations

import difflib

from astroid import nodes

from mslint.analysis import ast_queries, names
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
    edits = [ctx.edit.rename(forward, "forward", "construct")]
    for method in ast_queries.methods(cls):
        for attribute in ast_queries.self_attribute_reads(method):
            if attribute.attrname == "forward":
                edits.append(ctx.edit.rename(attribute, "forward", "construct"))
    return Fix("Rename forward to construct", tuple(edits), safety)


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
        dynamic = ast_queries.dynamic_attribute_names(cls)
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
