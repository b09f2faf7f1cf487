"""What a receiver is: a MindSpore module, class, function, Cell, optimizer, Primitive or Tensor, known from how it
was imported, built, annotated, bound or returned, or an object of another library (``np.arange(...)``). Used by
every rule that reads an attribute or a method call.

``receiver(node)`` is certain or None. It follows imports and aliases (``conv = nn.Conv1d``, ``import
mindspore.ops.functional as F``), ``self`` in a subclass of a MindSpore class, assignments (``self.head =
nn.Dense(...)`` then ``self.head``; a name every binding of which gives the same), calls of MindSpore classes and
functions and of their instances (what MindSpore 2.10 returns, from the surface's recorded calls: ``ops.Round()(x)``
and ``x.astype(...)`` are Tensors), Tensor arithmetic, indexing and properties, annotations, and the return values of
the project's own functions and methods, in this module or another one (``model = build_model(cfg)``).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path

from astroid import bases, nodes

from mslint.analysis import ast_queries, calls, names, values
from mslint.analysis.inference import only_inferred
from mslint.knowledge.naming import canonical
from mslint.knowledge.surface import PARAMETER, TENSOR, Found, Signature, Surface, shipped_surface

# How far the return values of the project's functions are followed (a call in a returned expression is one step).
MAX_DEPTH = 12
# Binary operators whose result is a Tensor when an operand is one.
_TENSOR_OPERATORS = frozenset({"+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>"})
_ORDERING = frozenset({"<", "<=", ">", ">="})
_TENSOR_KINDS = frozenset({"tensor", "parameter"})


@dataclass(frozen=True)
class Receiver:
    """What an expression certainly is.

    ``kind``: ``module`` (``key`` is its real name), ``class`` / ``function`` (a surface key), ``instance`` (of the
    class ``key``: a Cell, optimizer, Primitive, Tensor ...; ``project`` is the project's class when the instance's
    class is the project's subclass of ``key``) or ``value`` (``key`` is a Python class name: ``tuple``, ``int``,
    ``ndarray``), ``object`` (an instance of a project class deriving from no MindSpore class: ``project``) or
    ``super`` (``super()`` in a method of ``project``, a subclass of ``key``). A project class deriving from MindSpore
    is ``class`` with ``project`` set.
    """

    kind: str
    key: str
    project: nodes.ClassDef | None = None
    exact: bool = True  # False for an annotated parameter: its class may be a subclass of ``key`` with more names


    @property
    def is_tensor(self) -> bool:
        return self.kind == "instance" and self.key in (TENSOR, PARAMETER)

    def class_kind(self, surface: Surface) -> str | None:
        """The surface's kind of the instance's MindSpore class (cell, optimizer, primitive, tensor ...)."""
        return surface.class_kind(self.key) if self.kind == "instance" else None


_RECEIVERS: weakref.WeakKeyDictionary[nodes.NodeNG, Receiver | None] = weakref.WeakKeyDictionary()
_RETURNS: weakref.WeakKeyDictionary[nodes.NodeNG, Receiver | None] = weakref.WeakKeyDictionary()
_ACTIVE: set[nodes.NodeNG] = set()


class _Cut:
    """Whether the receiver being computed met the depth limit or a cycle: such an answer is not kept."""

    hit = False


def receiver(node: nodes.NodeNG | None, depth: int = 0) -> Receiver | None:
    """What ``node`` certainly is, or None (see the module docstring). Computed once per node."""
    if node is None:
        return None
    if node in _RECEIVERS:
        return _RECEIVERS[node]
    if depth > MAX_DEPTH or node in _ACTIVE:
        _Cut.hit = True
        return None
    outer, _Cut.hit = _Cut.hit, False
    _ACTIVE.add(node)
    try:
        found = _receiver(node, shipped_surface(), depth)
    finally:
        _ACTIVE.discard(node)
    if not _Cut.hit:
        _RECEIVERS[node] = found
    _Cut.hit = _Cut.hit or outer
    return found


def _receiver(node: nodes.NodeNG, surface: Surface, depth: int) -> Receiver | None:
    if isinstance(node, (nodes.Name, nodes.Attribute)):
        path = names.imported_path(node)
        if path is not None:
            return _imported(path, surface)
    if isinstance(node, nodes.Name):
        return _name(node, surface, depth)
    if isinstance(node, nodes.Attribute):
        return _attribute(node, surface, depth)
    if isinstance(node, nodes.Call):
        return _call(node, surface, depth)
    if isinstance(node, nodes.Subscript):
        value = receiver(node.value, depth + 1)
        return Receiver("instance", TENSOR) if value is not None and value.is_tensor else None
    if isinstance(node, nodes.BinOp) and node.op in _TENSOR_OPERATORS:
        left = receiver(node.left, depth + 1)
        if left is not None and left.is_tensor:
            return Receiver("instance", TENSOR)
        right = receiver(node.right, depth + 1)
        number = values.literal_number(node.left) is not None
        return Receiver("instance", TENSOR) if right is not None and right.is_tensor and number else None
    if isinstance(node, nodes.UnaryOp) and node.op in ("-", "+", "~"):
        operand = receiver(node.operand, depth + 1)
        return Receiver("instance", TENSOR) if operand is not None and operand.is_tensor else None
    if isinstance(node, nodes.Compare) and len(node.ops) == 1 and node.ops[0][0] in _ORDERING:
        left = receiver(node.left, depth + 1)
        return Receiver("instance", TENSOR) if left is not None and left.is_tensor else None
    if isinstance(node, nodes.IfExp):
        return _same(receiver(node.body, depth + 1), receiver(node.orelse, depth + 1))
    return None


def _same(*found: Receiver | None) -> Receiver | None:
    """The receiver all of ``found`` agree on (None when one is unknown or they differ)."""
    first = found[0] if found else None
    return first if first is not None and all(other == first for other in found[1:]) else None


def _imported(path: str, surface: Surface) -> Receiver | None:
    """A name reached through imports: what the surface says ``mindspore.<...>`` is; None for other libraries."""
    if not names.is_mindspore_name(path):
        return None
    found = surface.resolve(path)
    if not isinstance(found, Found) and canonical(path) != path:
        found = surface.resolve(canonical(path))  # mindspore.nn.cell.Cell is mindspore.nn.Cell
    if not isinstance(found, Found):
        return None
    if found.kind in ("module", "class", "function"):
        return Receiver(found.kind, found.key)
    if found.kind == "instance":  # a callable object (ops.functional.tensor_add is an ops.Add Primitive)
        return Receiver("instance", found.key)
    return None


# names


def _name(name: nodes.Name, surface: Surface, depth: int) -> Receiver | None:
    if is_self(name):
        cls = name.frame().parent
        return _project_instance(cls, surface)
    annotation = _parameter_annotation(name)
    if annotation is not None:
        found = _instance_of(receiver(annotation, depth + 1) or _project_class(annotation, surface))
        return Receiver(found.kind, found.key, found.project, exact=False) if found is not None else None
    statements = ast_queries.bindings(name)
    if not statements:
        return None
    values = []
    for statement in statements:
        value = _bound_value(statement)
        if value is None:
            return _defined(statements, surface)
        values.append(receiver(value, depth + 1))
    return _same(*values)


def built_by(receiver: nodes.NodeNG, qualname: str) -> bool:
    """The receiver is an instance of the MindSpore class ``qualname`` (or of a project subclass of it): ``self`` in
    such a class, a name assigned once from its call, or ``self.<attr>`` that every assignment sets to one."""
    if isinstance(receiver, nodes.Name) and is_self(receiver):
        return names.is_cell_class(receiver.frame().parent, frozenset({qualname}))
    if isinstance(receiver, nodes.Name):
        values = [_assigned_value(receiver)]
    elif isinstance(receiver, nodes.Attribute) and isinstance(receiver.expr, nodes.Name) and is_self(receiver.expr):
        targets = receiver.expr.frame().parent.instance_attrs.get(receiver.attrname, [])
        values = [t.parent.value if isinstance(t.parent, nodes.Assign) and len(t.parent.targets) == 1 else None for t in targets]
    else:
        return False
    return bool(values) and all(
        isinstance(value, nodes.Call) and names.qualified_name(value.func) == qualname for value in values
    )


def _defined(statements: list[nodes.NodeNG], surface: Surface) -> Receiver | None:
    """A name bound by one ``class`` or ``def`` of the project: the class (an instance's type) or nothing."""
    if len(statements) == 1 and isinstance(statements[0], nodes.ClassDef):
        return _project_class_receiver(statements[0], surface)
    return None


def _bound_value(statement: nodes.NodeNG) -> nodes.NodeNG | None:
    """The value a binding assigns: ``x = value`` or ``x: T = value`` (one target)."""
    parent = statement.parent if isinstance(statement, nodes.AssignName) else None
    if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is statement:
        return parent.value
    if isinstance(parent, nodes.AnnAssign) and parent.target is statement and parent.value is not None:
        return parent.value
    return None


def is_self(name: nodes.NodeNG) -> bool:
    """``name`` is the first parameter of the method it is used in, and the method never rebinds it."""
    scope = name.frame() if isinstance(name, nodes.Name) else None
    if not (
        isinstance(scope, nodes.FunctionDef)
        and scope.type == "method"
        and bool(scope.args.args)
        and scope.args.args[0].name == name.name
        and isinstance(scope.parent, nodes.ClassDef)
    ):
        return False
    return len(scope.locals.get(name.name, ())) == 1


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


def _instance_of(cls: Receiver | None) -> Receiver | None:
    return Receiver("instance", cls.key, cls.project) if cls is not None and cls.kind == "class" else None


# project classes


def mindspore_bases(cls: nodes.ClassDef, surface: Surface | None = None) -> tuple[frozenset[str], bool]:
    """(surface keys of the MindSpore classes a project class derives from, whether its whole hierarchy is known:
    every base resolved, every MindSpore base recorded by the surface)."""
    surface = surface or shipped_surface()
    hierarchy, framework, complete = names.ancestors(cls)
    if any(not names.is_mindspore_name(base) for base in framework):
        return frozenset(), False  # a torch or torch-compatible base
    keys = set()
    for project_class in hierarchy:
        for base in project_class.bases:
            path = names.imported_path(base)
            if not names.is_mindspore_name(path):
                continue
            found = _imported(path, surface)
            if found is not None and found.kind == "class":
                keys.add(found.key)
            else:
                complete = False
    return frozenset(keys), complete


def _primary(keys: frozenset[str], surface: Surface) -> str | None:
    """The most derived of a class's MindSpore bases (one whose MRO holds the others), if there is one."""
    for key in sorted(keys):
        if all(surface.is_subclass(key, other) for other in keys):
            return key
    return None


def _project_class_receiver(cls: nodes.ClassDef, surface: Surface) -> Receiver | None:
    """A project class deriving from MindSpore classes, as a ``class`` receiver."""
    keys, _ = mindspore_bases(cls, surface)
    primary = _primary(keys, surface) if keys else None
    return Receiver("class", primary, cls) if primary is not None else None


def _project_instance(cls: nodes.NodeNG, surface: Surface) -> Receiver | None:
    """An instance of a project class: of its MindSpore base (``instance``), or a plain ``object`` of the project
    whose attributes are what its methods assign."""
    if not isinstance(cls, nodes.ClassDef):
        return None
    keys, complete = mindspore_bases(cls, surface)
    if not keys:
        return Receiver("object", "", cls) if complete else None
    return _instance_of(_project_class_receiver(cls, surface))


def _project_class(node: nodes.NodeNG, surface: Surface) -> Receiver | None:
    """The project class an expression names (through astroid: another module's class included)."""
    found = _project_definition(node)
    return _project_class_receiver(found, surface) if isinstance(found, nodes.ClassDef) else None


def _framework_node(node: nodes.NodeNG) -> bool:
    """A definition inside MindSpore, PyTorch or a torch-compatible package (never followed)."""
    module = node.root().name
    return names.is_mindspore_name(module) or names.is_torch_name(module) or module.startswith(names.TORCH_COMPAT_PACKAGES)


# attributes


def _attribute(node: nodes.Attribute, surface: Surface, depth: int) -> Receiver | None:
    owner = receiver(node.expr, depth + 1)
    if owner is None or owner.kind not in ("instance", "object"):
        return None
    if owner.project is not None:
        assigned = _project_attribute(owner.project, node.attrname, depth)
        if assigned is not None or _assigns(owner.project, node.attrname):
            return assigned
    if owner.kind == "object":
        return None
    if owner.is_tensor:
        value_type = surface.property_type(owner.key, node.attrname)
        return _of_class_name(value_type)
    if surface.class_kind(owner.key) == "cell":
        parameters = surface.instance_parameters(owner.key)
        return Receiver("instance", PARAMETER) if node.attrname in parameters else None
    return None


def _assigns(cls: nodes.ClassDef, attribute: str) -> bool:
    hierarchy, _, _ = names.ancestors(cls)
    return any(attribute in project_class.instance_attrs or attribute in project_class.locals for project_class in hierarchy)


def _project_attribute(cls: nodes.ClassDef, attribute: str, depth: int) -> Receiver | None:
    """What ``self.<attribute>`` holds when every assignment of it in the project hierarchy gives the same."""
    hierarchy, _, complete = names.ancestors(cls)
    if not complete:
        return None
    values = []
    for project_class in hierarchy:
        if attribute in project_class.locals:
            return None  # a method or class attribute
        for target in project_class.instance_attrs.get(attribute, ()):
            parent = target.parent
            if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is target:
                values.append(receiver(parent.value, depth + 1))
            elif isinstance(parent, nodes.AnnAssign) and parent.target is target and parent.value is not None:
                values.append(receiver(parent.value, depth + 1))
            else:
                return None
    return _same(*values) if values else None


def _of_class_name(name: str | None) -> Receiver | None:
    """A value of the Python or MindSpore class ``name`` (the surface's recorded results and property types)."""
    if name is None:
        return None
    if name in ("Tensor", "_TensorMeta", "StubTensor"):
        return Receiver("instance", TENSOR)
    if name == "Parameter":
        return Receiver("instance", PARAMETER)
    return Receiver("value", name)


# calls


def _call(call: nodes.Call, surface: Surface, depth: int) -> Receiver | None:
    func = call.func
    if isinstance(func, nodes.Name) and func.name == "super" and ast_queries.is_builtin(func):
        return _super(call, surface)
    callee = receiver(func, depth + 1)
    if callee is not None:
        return _called(callee, surface, depth)
    if isinstance(func, nodes.Attribute):
        owner = receiver(func.expr, depth + 1)
        if owner is not None:
            return _method_result(owner, func.attrname, surface, depth)
    definition = _project_definition(func)
    if isinstance(definition, nodes.ClassDef):
        return _project_instance(definition, surface)
    return returns_of(definition, depth + 1) if definition is not None else None


def _super(call: nodes.Call, surface: Surface) -> Receiver | None:
    """``super()`` / ``super(Cls, self)`` in a method of a project class deriving from MindSpore classes: what it
    reaches are the class attributes of the bases (``kind`` ``super``, ``project`` the class it is called in)."""
    cls = names.enclosing_class(call)
    if cls is None or (call.args and not (isinstance(call.args[0], nodes.Name) and call.args[0].name == cls.name)):
        return None
    found = _project_class_receiver(cls, surface)
    return Receiver("super", found.key, cls) if found is not None else None


def _called(callee: Receiver, surface: Surface, depth: int) -> Receiver | None:
    """What calling a known receiver gives: an instance of a class, a function's or an instance's recorded result,
    what a project Cell's ``construct`` returns."""
    if callee.kind == "class":
        return Receiver("instance", callee.key, callee.project)
    if callee.kind == "function":
        return _of_class_name(surface.result(callee.key))
    if callee.kind == "instance" and callee.project is not None:
        construct = _project_method(callee.project, "construct")
        return returns_of(construct, depth + 1) if construct is not None else None
    if callee.kind == "instance":
        return _of_class_name(surface.result(callee.key))
    return None


def _method_result(owner: Receiver, method: str, surface: Surface, depth: int) -> Receiver | None:
    """What ``<owner>.<method>(...)`` returns: a project method's return value, a Tensor method's recorded result."""
    if owner.kind not in ("instance", "object"):
        return None
    if owner.project is not None:
        defined = _project_method(owner.project, method)
        if defined is not None:
            return returns_of(defined, depth + 1)
    if owner.is_tensor and surface.member_signature(TENSOR, method) is not None:
        return _of_class_name(surface.result(f"{TENSOR}.{method}"))
    return None


def _project_method(cls: nodes.ClassDef, method: str) -> nodes.FunctionDef | None:
    """The method as the project hierarchy resolves it (None when a MindSpore base would provide it)."""
    hierarchy, _, _ = names.ancestors(cls)
    for project_class in hierarchy:
        for statement in ast_queries.methods(project_class):
            if statement.name == method:
                return statement
    return None


def _project_definition(func: nodes.NodeNG) -> nodes.ClassDef | nodes.FunctionDef | None:
    """The project's class or function a callee names, in this module or another module of the project (astroid
    reads it; names of installed libraries and of the frameworks are not followed)."""
    if not isinstance(func, (nodes.Name, nodes.Attribute)):
        return None
    path = names.imported_path(func)
    if path is not None and not _project_module(path.split(".")[0]):
        return None
    if path is None and isinstance(func, nodes.Attribute):
        return None  # ``obj.method``: a method of a known receiver is ``_method_result``'s; others are not inferred
    found = only_inferred(func)
    if isinstance(found, bases.UnboundMethod):  # a method reached through an instance or a class
        found = found._proxied  # pylint: disable=protected-access
    if not isinstance(found, (nodes.ClassDef, nodes.FunctionDef)) or isinstance(found, nodes.Lambda):
        return None
    return found if _project_file(found.root()) else None


@functools.cache
def _project_module(top: str) -> bool:
    """A top-level module that is neither a framework nor installed (standard library, site-packages)."""
    if top in sys.stdlib_module_names or names.is_mindspore_name(top) or names.is_torch_name(top) or top.startswith(names.TORCH_COMPAT_PACKAGES):
        return False
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return False
    origin = (spec.origin or "") if spec is not None else ""
    return spec is not None and not _installed(origin) and (bool(origin) or bool(spec.submodule_search_locations))


def _project_file(module: nodes.Module) -> bool:
    return bool(module.file) and not _installed(module.file) and not _framework_node(module)


def _installed(path: str) -> bool:
    return any(part in ("site-packages", "dist-packages") for part in Path(path).parts)


def returns_of(function: nodes.FunctionDef, depth: int = 0) -> Receiver | None:
    """What a project function returns when every ``return`` gives the same known receiver (and it returns)."""
    if function in _RETURNS:
        return _RETURNS[function]
    if depth > MAX_DEPTH or function in _ACTIVE:
        _Cut.hit = True
        return None
    if function.is_generator():
        return None
    outer, _Cut.hit = _Cut.hit, False
    _ACTIVE.add(function)
    try:
        values = [
            receiver(statement.value, depth + 1) if statement.value is not None else None
            for statement in ast_queries.descendants(function, nodes.Return)
            if statement.scope() is function
        ]
    finally:
        _ACTIVE.discard(function)
    found = _same(*values) if values else None
    if not _Cut.hit:
        _RETURNS[function] = found
    _Cut.hit = _Cut.hit or outer
    return found


# the kinds the training-loop rules ask about


def cell_or_parameter(value: nodes.NodeNG) -> str | None:
    """'Cell' or 'Parameter' when ``value`` constructs one (a MindSpore or project Cell class), else None."""
    if not isinstance(value, nodes.Call):
        return None
    if names.qualified_name(value.func) in ("mindspore.Parameter", "mindspore.nn.Parameter"):
        return "Parameter"
    built = receiver(value)
    return "Cell" if built is not None and built.class_kind(shipped_surface()) in ("cell", "optimizer") else None


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
    return _bound_value(statements[0])


def _tensor_call(value: nodes.NodeNG) -> bool:
    """A call of ``mindspore.Tensor`` or of a MindSpore function (they return tensors)."""
    name = names.qualified_name(value.func) if isinstance(value, nodes.Call) else None
    return name == "mindspore.Tensor" or (names.is_mindspore_name(name) and not calls.is_class(name) and bool(calls.overloads(name)))


def foreign(receiver_node: nodes.NodeNG) -> bool:
    """The receiver is built by another library: its call chain starts at a non-MindSpore name (``np.arange``), or
    at a ``torch`` left unbound by the port (reported by ``ms-torch-not-imported``, not as a MindSpore tensor)."""
    node = receiver_node
    while isinstance(node, (nodes.Call, nodes.Attribute, nodes.Subscript)):
        name = names.qualified_name(node.func if isinstance(node, nodes.Call) else node)
        if name is not None:
            return not names.is_mindspore_name(name)
        node = node.func if isinstance(node, nodes.Call) else node.expr if isinstance(node, nodes.Attribute) else node.value
    if isinstance(node, nodes.Name) and node.name == "torch" and not _bound(node):
        return True
    value = _assigned_value(node) if isinstance(node, nodes.Name) else None
    return value is not None and value is not node and foreign(value)


def _bound(name: nodes.Name) -> bool:
    statements = ast_queries.bindings(name)
    return statements is None or bool(statements)


_KINDS = {"cell": "cell", "optimizer": "optimizer", "tensor": "tensor", "parameter": "tensor"}


def receiver_kind(receiver_node: nodes.NodeNG) -> str | None:
    """'cell', 'optimizer' or 'tensor' when the receiver is known to be one (``receiver``), or built by a call of a
    MindSpore function (they mostly return tensors)."""
    found = receiver(receiver_node)
    if found is not None:
        return _KINDS.get(found.class_kind(shipped_surface()) or "")
    if isinstance(receiver_node, nodes.Name) and not is_self(receiver_node):
        value = _assigned_value(receiver_node)
        return "tensor" if value is not None and _tensor_call(value) else None
    return "tensor" if _tensor_call(receiver_node) else None


# callees


@dataclass(frozen=True)
class Callee:
    """The MindSpore callable a call runs: a class built (``init``), a function, an instance called (``call``: a
    Cell's ``construct``, a Primitive's ``__call__``) or a method of an instance (``method``)."""

    role: str
    key: str  # the class or function key (for a method or an instance call: the instance's class)
    name: str  # how a message names it: ``Dense``, ``ops.cat``, ``Tensor.repeat``, ``Conv2d.construct``
    signature: Signature
    method: str = ""
    offset: int = 0  # positional arguments before the call's own: the instance of ``ms.Tensor.sum(x)``

    @property
    def public(self) -> str:
        """The public path of a class or function (``mindspore.nn.Dense``)."""
        return shipped_surface().public_path(self.key)


def callee(call: nodes.Call, surface: Surface | None = None) -> Callee | None:
    """The MindSpore callable ``call`` runs, with a signature that states what it accepts, or None when that is not
    certain: the callee is unknown or the project's, a project subclass overrides the method, the signature comes
    from a source that may leave parameters out (``none``, Primitive inputs read from a docstring)."""
    surface = surface or shipped_surface()
    func = call.func
    path = names.imported_path(func)
    member = surface.resolve(path) if names.is_mindspore_name(path) else None
    if isinstance(member, Found) and member.kind == "member":  # ms.Tensor.sum(x): the instance comes first
        owner, _, method = member.key.rpartition(".")
        name = f"{_short(surface, owner)}.{method}"
        bound = (surface.member(owner, method) or {}).get("t") in ("staticmethod", "classmethod")  # Tensor.from_numpy(a)
        return _with_signature("method", owner, name, surface.member_signature(owner, method), method, offset=0 if bound else 1)
    found = receiver(func)
    if found is not None and found.project is None:
        if found.kind == "class":
            return _with_signature("init", found.key, _short(surface, found.key), surface.init_signature(found.key))
        if found.kind == "function":
            return _with_signature("function", found.key, _short(surface, found.key), surface.function_signature(found.key))
        if found.kind == "instance" and not found.is_tensor:
            name = f"{_short(surface, found.key)}.{'construct' if surface.class_kind(found.key) == 'cell' else '__call__'}"
            return _with_signature("call", found.key, name, surface.call_signature(found.key))
    if isinstance(func, nodes.Attribute) and not func.attrname.startswith("_"):
        owner = receiver(func.expr)
        if (
            owner is not None
            and owner.kind == "instance"
            and (owner.exact or owner.is_tensor)
            and (owner.project is None or _project_method(owner.project, func.attrname) is None)
        ):
            key = TENSOR if owner.is_tensor else owner.key
            name = f"{'Tensor' if owner.is_tensor else _short(surface, key)}.{func.attrname}"
            return _with_signature("method", key, name, surface.member_signature(key, func.attrname), func.attrname)
    return None


def _with_signature(role: str, key: str, name: str, signature: Signature | None, method: str = "", offset: int = 0) -> Callee | None:
    return Callee(role, key, name, signature, method, offset) if signature is not None and signature.exact else None


def _short(surface: Surface, key: str) -> str:
    """``Dense`` for a class, ``ops.cat`` for a function: what a reader recognises."""
    path = surface.public_path(key)
    if surface.is_class(key):
        return path.rsplit(".", 1)[-1]
    return path.removeprefix("mindspore.")
