"""A small, local dtype and rank inference: which dtype (or rank) an expression certainly has, or None.

It follows one expression and the variables of the same function (a name assigned exactly once in
its scope, or the last plain assignment before the read in straight-line code, ``x = x.astype(t)``),
nothing else. Dtypes come from literals (``Tensor(1.0)`` is float32, ``np.ones(3)``
float64), conversions (``x.astype(t)``, ``x.to(t)``, ``x.half()``, ``ops.cast``, ``ops.Cast()(x, t)``,
``self.cast(x, t)``), the ``dtype`` argument of ``Tensor``/NumPy/any MindSpore function
(``ops.ones(shape, ms.float16)``), the declared dtype of ``self.<Parameter>``, and ops that keep a
float dtype (``x * 2``, ``ops.relu(x)``, ``x.sum()``). Ranks come only from literal shapes:
``ops.ones((2, 3))``, ``np.random.randn(2, 3)``, ``x.reshape(2, 3)``.

API: ``dtype_of(expr)`` (a concrete dtype name or None), ``infer_dtype(expr)`` (also the symbolic
``"like:<param>"`` for values that keep the dtype of a function parameter), ``certainly_differ(a, b)``,
``cast_target(call)`` / ``cast_source(call)``, ``dtype_name(expr)``, ``rank_of(expr)``,
``single_assignment(name)`` / ``reaching_value(name)``.
"""

from __future__ import annotations

from astroid import nodes

from mslint.analysis import ast_queries, names

MAX_DEPTH = 4
DTYPE_WORDS = {
    "float64": "float64", "double": "float64", "float32": "float32", "float": "float32", "single": "float32",
    "float16": "float16", "half": "float16", "bfloat16": "bfloat16", "int64": "int64", "long": "int64",
    "int32": "int32", "int": "int32", "int16": "int16", "int8": "int8", "uint8": "uint8", "bool_": "bool", "bool": "bool",
    "complex64": "complex64", "complex128": "complex128",
}
DTYPE_MODULES = ("mindspore.", "mindspore.dtype.", "mindspore.common.dtype.", "numpy.")
# Tensor/NumPy methods that convert: x.double(), x.astype(t), x.to(t).
CONVERSION_METHODS = {"double": "float64", "float": "float32", "half": "float16", "long": "int64", "int": "int32"}
CAST_FUNCTIONS = frozenset({"mindspore.ops.cast", "mindspore.ops.Cast"})
TENSOR_CONSTRUCTORS = frozenset({"mindspore.Tensor", "mindspore.tensor"})
# NumPy creation functions whose result is float64 unless a dtype is given.
NUMPY_FLOAT64 = frozenset(
    f"numpy.{name}"
    for name in ("ones", "zeros", "empty", "full", "eye", "identity", "linspace", "random.rand", "random.randn",
                 "random.random", "random.uniform", "random.normal", "random.standard_normal")
)
# Where NumPy creation functions take ``dtype`` positionally: np.ones((2, 3), np.float32).
NUMPY_DTYPE_POSITION = {
    "numpy.array": 1, "numpy.asarray": 1, "numpy.ones": 1, "numpy.zeros": 1, "numpy.empty": 1, "numpy.identity": 1,
    "numpy.full": 2, "numpy.eye": 3, "numpy.linspace": 5,
}
NUMPY_WITH_DTYPE = frozenset({"numpy.array", "numpy.asarray", "numpy.arange", *NUMPY_FLOAT64})
# Creation functions whose first argument is the shape (a tuple/list, or one int for 1-D).
SHAPE_FIRST = frozenset(
    {f"numpy.{name}" for name in ("ones", "zeros", "empty", "full", "random.random", "random.standard_normal")}
    | {f"mindspore.{ns}{name}" for ns in ("ops.", "mint.", "numpy.") for name in ("ones", "zeros", "full", "empty")}
)
# NumPy functions that take the dimensions as separate arguments: np.random.randn(2, 3).
SHAPE_AS_ARGS = frozenset({"numpy.random.rand", "numpy.random.randn"})
ARITHMETIC = frozenset({"+", "-", "*", "/"})
RESHAPES = frozenset({"mindspore.ops.reshape", "mindspore.mint.reshape", "numpy.reshape"})
PARAMETER_CLASSES = frozenset({"mindspore.Parameter", "mindspore.nn.Parameter"})
INITIALIZERS = frozenset({"mindspore.initializer.initializer", "mindspore.initializer"})  # names.canonical form


def dtype_name(node: nodes.NodeNG) -> str | None:
    """The dtype a dtype expression names (``ms.float64``, ``mstype.double``, ``np.float64``, ``'float64'``)."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return DTYPE_WORDS.get(node.value)
    qualname = names.qualified_name(node)
    if qualname is None:
        return None
    module, _, word = qualname.rpartition(".")
    return DTYPE_WORDS.get(word) if f"{module}." in DTYPE_MODULES else None


LIKE = "like:"  # symbolic dtype: "like:x" is the (unknown) dtype of the function parameter x
# Tensor methods, mindspore.ops/mint functions and nn/ops classes (lower-cased) whose result keeps the
# dtype of their first tensor argument (for float inputs).
KEEPS_DTYPE = frozenset(
    {"abs", "neg", "negative", "exp", "log", "sqrt", "rsqrt", "square", "relu", "relu6", "sigmoid", "tanh", "gelu",
     "silu", "mish", "softmax", "log_softmax", "logsoftmax", "dropout", "clamp", "clip", "reshape", "view",
     "transpose", "permute", "squeeze", "unsqueeze", "expand_dims", "expanddims", "flatten", "copy", "clone",
     "contiguous", "swapaxes", "flip", "roll", "tile", "repeat", "broadcast_to", "expand", "expand_as", "sum", "mean",
     "cumsum", "pow", "floor", "ceil", "round", "sin", "cos", "layernorm", "identity"}
)
MS_PREFIXES = ("mindspore.ops.", "mindspore.mint.", "mindspore.nn.")
# Layers whose output takes the dtype of their weight (their ``dtype`` argument, float32 by default).
WEIGHT_DTYPE_LAYERS = frozenset(
    f"mindspore.nn.{name}" for name in ("Dense", "BiDense", "Conv1d", "Conv2d", "Conv3d", "Conv1dTranspose",
                                        "Conv2dTranspose", "Conv3dTranspose")
)
# Names that change a layer's compute dtype after it is built (Cell.to_float, the amp module, Model(amp_level=)).
MIXED_PRECISION = frozenset({"to_float", "auto_mixed_precision", "custom_mixed_precision", "amp_level",
                             "build_train_network", "autocast", "amp"})


def dtype_of(node: nodes.NodeNG | None, depth: int = 0) -> str | None:
    """The dtype of the tensor or array an expression certainly produces (``"float16"``), or None."""
    found = infer_dtype(node, depth)
    return None if found is None or found.startswith(LIKE) else found


def infer_dtype(node: nodes.NodeNG | None, depth: int = 0) -> str | None:
    """Like ``dtype_of``, but an expression that keeps the dtype of a parameter ``x`` of its function
    (``x``, ``x * 2``, ``ops.relu(x)``, ``self.w``) gives the symbolic ``"like:x"``."""
    if node is None or depth > MAX_DEPTH:
        return None
    if isinstance(node, nodes.Name):
        if _is_parameter(node):
            return LIKE + node.name
        return infer_dtype(reaching_value(node), depth + 1)
    if isinstance(node, nodes.Attribute):
        return _parameter_attribute_dtype(node, depth)
    if isinstance(node, nodes.BinOp) and node.op in ARITHMETIC:
        return _binop_dtype(node, depth)
    if not isinstance(node, nodes.Call):
        return None
    target = cast_target(node)
    if target is not None:
        return dtype_name(target)
    qualname = _callee(node)
    if qualname is None and isinstance(node.func, nodes.Attribute):
        method = node.func.attrname
        if method in CONVERSION_METHODS and not node.args and not node.keywords:
            return CONVERSION_METHODS[method] if infer_dtype(node.func.expr, depth + 1) else None
        if method in KEEPS_DTYPE and not _is_self(node.func.expr):
            return _kept(infer_dtype(node.func.expr, depth + 1))
        return None
    if qualname in TENSOR_CONSTRUCTORS and node.args:
        return _tensor_data_dtype(node.args[0], depth)
    if qualname in WEIGHT_DTYPE_LAYERS and isinstance(node.func, nodes.Attribute) and _is_self(node.func.expr):
        return _layer_output_dtype(node.func)
    if qualname in NUMPY_FLOAT64:
        return "float64"
    if qualname in ("numpy.array", "numpy.asarray") and node.args:
        return _numpy_literal_dtype(node.args[0])
    if qualname and qualname.startswith(MS_PREFIXES) and qualname.rsplit(".", 1)[1].lower() in KEEPS_DTYPE:
        return _kept(infer_dtype(node.args[0], depth + 1)) if node.args else None
    return None


def cast_target(call: nodes.Call) -> nodes.NodeNG | None:
    """The dtype argument of a call that converts to or creates a given dtype: ``x.astype(t)``, ``x.to(t)``,
    ``ops.cast(x, t)``, ``ops.Cast()(x, t)``, ``self.cast(x, t)`` (``self.cast = ops.Cast()``),
    ``Tensor(data, t)``, ``np.array(data, t)`` and any MindSpore function with a ``dtype`` parameter."""
    func = call.func
    if isinstance(func, nodes.Attribute) and func.attrname in ("astype", "to") and names.qualified_name(func) is None:
        return call.args[0] if call.args and dtype_name(call.args[0]) else ast_queries.argument(call, "dtype")
    if _callee(call) in CAST_FUNCTIONS:
        return ast_queries.argument(call, "dtype", 1)
    qualname = names.qualified_name(func)
    if qualname in TENSOR_CONSTRUCTORS | NUMPY_WITH_DTYPE:
        given = ast_queries.argument(call, "dtype", 1 if qualname in TENSOR_CONSTRUCTORS else NUMPY_DTYPE_POSITION.get(qualname))
    elif qualname and qualname.startswith(MS_PREFIXES) and qualname.rsplit(".", 1)[1][:1].islower():
        given = _dtype_parameter(call, qualname)
    else:
        return None
    return given if given is not None and dtype_name(given) else None


def cast_source(call: nodes.NodeNG) -> nodes.NodeNG | None:
    """The converted expression of a cast (``x`` in ``x.astype(t)``, ``ops.cast(x, t)``, ``self.cast(x, t)``)."""
    if not isinstance(call, nodes.Call) or cast_target(call) is None:
        return None
    if isinstance(call.func, nodes.Attribute) and call.func.attrname in ("astype", "to") and names.qualified_name(call.func) is None:
        return call.func.expr
    return call.args[0] if _callee(call) in CAST_FUNCTIONS and call.args else None


def certainly_differ(first: nodes.NodeNG, second: nodes.NodeNG) -> bool:
    """Two tensor expressions certainly have different dtypes: both are known and differ, or one casts to
    a known dtype the very value whose (unknown) dtype the other keeps (``x.astype(ms.float16)`` and
    ``x``; the cast would be pointless if they were equal)."""
    a, b = infer_dtype(first), infer_dtype(second)
    if a is None or b is None or a == b:
        return False
    if not a.startswith(LIKE) and not b.startswith(LIKE):
        return True
    concrete, symbolic = (first, b) if b.startswith(LIKE) else (second, a)
    if symbolic.startswith(LIKE) and concrete is not None:
        source = cast_source(concrete)
        return source is not None and infer_dtype(source) == symbolic
    return False


def _callee(call: nodes.Call) -> str | None:
    """Qualified name of the called function; for ``Prim()(x)`` and ``self.prim(x)`` (``self.prim = Prim()``)
    the Primitive/Cell class name."""
    func = call.func
    if isinstance(func, nodes.Call):
        return names.qualified_name(func.func)
    if isinstance(func, nodes.Attribute) and _is_self(func.expr):
        value = _self_attribute_value(func)
        return names.qualified_name(value.func) if isinstance(value, nodes.Call) else None
    return names.qualified_name(func)


def _dtype_parameter(call: nodes.Call, qualname: str) -> nodes.NodeNG | None:
    """The argument given for the ``dtype`` parameter of a MindSpore function, by its recorded signature."""
    from mslint.knowledge.mappings import load_signatures  # pylint: disable=import-outside-toplevel

    overloads = load_signatures().overloads(qualname)
    signature = overloads[0] if overloads else ()
    positional = [p.name for p in signature if p.kind in ("positional-only", "positional-or-keyword")]
    if "dtype" not in [p.name for p in signature]:
        return None
    return ast_queries.argument(call, "dtype", positional.index("dtype") if "dtype" in positional else None)


def _kept(found: str | None) -> str | None:
    """A dtype-keeping op keeps float dtypes and symbols; ints and bools may change (sum of bool is int)."""
    return found if found is not None and (found.startswith(LIKE) or found.startswith(("float", "bfloat"))) else None


def _binop_dtype(node: nodes.BinOp, depth: int) -> str | None:
    """``a op b``: the common dtype of two equal operands, or a tensor's float dtype with a Python number."""
    left, right = infer_dtype(node.left, depth + 1), infer_dtype(node.right, depth + 1)
    for tensor, other_node in ((left, node.right), (right, node.left)):
        number = _number(other_node)
        if number is not None:
            kept = _kept(tensor)
            return kept if kept or isinstance(number, float) else tensor
    return left if left is not None and left == right and (node.op != "/" or _kept(left)) else None


def _number(node: nodes.NodeNG) -> int | float | None:
    """A Python int/float literal (also negated), else None."""
    if isinstance(node, nodes.UnaryOp) and node.op in ("-", "+"):
        return _number(node.operand)
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    return None


def _literal_dtype(value: object) -> str | None:
    """What ``Tensor(<python literal>)`` holds: bool, int64 or float32."""
    if isinstance(value, bool):
        return "bool"
    return "int64" if isinstance(value, int) else "float32" if isinstance(value, float) else None


def _numpy_literal_dtype(data: nodes.NodeNG) -> str | None:
    """What ``np.array(<list of Python literals>)`` holds: bool, int64 or float64 (NumPy's defaults)."""
    if not isinstance(data, (nodes.List, nodes.Tuple)) or not data.elts or not all(isinstance(e, nodes.Const) for e in data.elts):
        return None
    found = {_literal_dtype(e.value) for e in data.elts}
    if found == {"bool"}:
        return "bool"
    return "int64" if found == {"int64"} else "float64" if found <= {"int64", "float32"} else None


def _tensor_data_dtype(data: nodes.NodeNG, depth: int) -> str | None:
    """``Tensor(data)``: NumPy data keeps its dtype; Python literals give int64/float32/bool."""
    if isinstance(data, nodes.Const):
        return _literal_dtype(data.value)
    if isinstance(data, (nodes.List, nodes.Tuple)) and data.elts and all(isinstance(e, nodes.Const) for e in data.elts):
        found = {_literal_dtype(e.value) for e in data.elts}
        return "float32" if found == {"float32", "int64"} else found.pop() if len(found) == 1 else None
    found = infer_dtype(data, depth + 1)
    return None if found is None or found.startswith(LIKE) else found


def _is_parameter(name: nodes.Name) -> bool:
    """The name is a parameter (not ``self``) of the function it is used in, never rebound there."""
    scope = name.scope()
    if not isinstance(scope, nodes.FunctionDef) or name.name == ast_queries.self_name(scope):
        return False
    bound = [n for n in ast_queries.descendants(scope, nodes.AssignName) if n.name == name.name and n.scope() is scope]
    return len(bound) == 1 and isinstance(bound[0].parent, nodes.Arguments)


def _is_self(node: nodes.NodeNG) -> bool:
    scope = node.scope()
    return isinstance(node, nodes.Name) and isinstance(scope, nodes.FunctionDef) and node.name == ast_queries.self_name(scope)


def _self_attribute_value(node: nodes.Attribute) -> nodes.NodeNG | None:
    """The value of the only ``self.<attr> = value`` in the enclosing class."""
    cls = node.scope().parent
    if not isinstance(cls, nodes.ClassDef):
        return None
    assigns = cls.instance_attrs.get(node.attrname, [])
    if len(assigns) != 1 or not isinstance(assigns[0].parent, nodes.Assign) or assigns[0].parent.targets != [assigns[0]]:
        return None
    return assigns[0].parent.value


def _parameter_attribute_dtype(node: nodes.Attribute, depth: int) -> str | None:
    """``self.w`` where ``__init__`` assigns ``Parameter(<data>)``: the declared dtype of the data
    (``Tensor(..., ms.float16)``, ``initializer(init, shape, dtype)``, default float32)."""
    if not _is_self(node.expr):
        return None
    value = _self_attribute_value(node)
    if not isinstance(value, nodes.Call) or names.qualified_name(value.func) not in PARAMETER_CLASSES or not value.args:
        return None
    data = value.args[0]
    if isinstance(data, nodes.Call) and names.qualified_name(data.func) in INITIALIZERS:
        given = ast_queries.argument(data, "dtype", 2)
        return dtype_name(given) if given is not None else "float32"
    found = infer_dtype(data, depth + 1)
    return None if found is None or found.startswith(LIKE) else found


def _layer_output_dtype(layer: nodes.Attribute) -> str | None:
    """``self.fc(x)`` where ``self.fc = nn.Dense(...)``: the layer's ``dtype`` (float32 by default), unless the module
    changes compute dtypes (``to_float``, ``amp``), which may cast the weight."""
    made = _self_attribute_value(layer)
    module = layer.root()
    used = {n.attrname for n in ast_queries.descendants(module, nodes.Attribute)} | {n.name for n in ast_queries.descendants(module, nodes.Name)}
    used |= {k.arg for k in ast_queries.descendants(module, nodes.Keyword) if k.arg}
    if not isinstance(made, nodes.Call) or used & MIXED_PRECISION:
        return None
    given = ast_queries.argument(made, "dtype")
    return dtype_name(given) if given is not None else "float32"


def _shape_rank(shape: nodes.NodeNG | None) -> int | None:
    """The rank a literal shape describes: ``(2, 3)`` is 2, ``4`` is 1."""
    if ast_queries.int_value(shape) is not None:
        return 1
    return ast_queries.literal_length(shape) if isinstance(shape, (nodes.Tuple, nodes.List)) else None


def rank_of(node: nodes.NodeNG | None, depth: int = 0) -> int | None:
    """The rank of the tensor or array an expression certainly produces, from literal shapes only."""
    if node is None or depth > MAX_DEPTH:
        return None
    if isinstance(node, nodes.Name):
        return rank_of(reaching_value(node), depth + 1)
    if not isinstance(node, nodes.Call):
        return None
    qualname = names.qualified_name(node.func)
    if qualname is None and isinstance(node.func, nodes.Attribute):
        method, args = node.func.attrname, node.args
        if method in ("reshape", "view") and args and not node.keywords:
            if len(args) == 1:
                return _shape_rank(args[0])
            return len(args) if all(ast_queries.int_value(arg) is not None for arg in args) else None
        if method in ("astype", "to", *CONVERSION_METHODS):
            return rank_of(node.func.expr, depth + 1)
        return None
    if qualname in SHAPE_FIRST:
        return _shape_rank(ast_queries.argument(node, "shape", 0) or ast_queries.argument(node, "size", 0))
    if qualname in SHAPE_AS_ARGS and node.args and not node.keywords:
        return len(node.args) if all(ast_queries.int_value(arg) is not None for arg in node.args) else None
    if qualname in RESHAPES:
        return _shape_rank(ast_queries.argument(node, "shape", 1) or ast_queries.argument(node, "newshape", 1))
    if qualname in TENSOR_CONSTRUCTORS | CAST_FUNCTIONS and node.args:
        return rank_of(node.args[0], depth + 1)
    return None


def single_assignment(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the only ``name = value`` in the name's own scope, or None."""
    assignments = [
        node for node in ast_queries.descendants(name.scope(), nodes.AssignName)
        if node.name == name.name and node.scope() is name.scope()
    ]
    if len(assignments) != 1 or not isinstance(assignments[0].parent, nodes.Assign):
        return None
    assign = assignments[0].parent
    return assign.value if assign.targets == [assignments[0]] else None


def reaching_value(name: nodes.Name) -> nodes.NodeNG | None:
    """The value a name certainly holds where it is read: its only assignment in its scope, or the last
    plain assignment before the read in the same or an enclosing block, with no other assignment between
    them and none in a loop around the read."""
    single = single_assignment(name)
    if single is not None:
        return single
    scope = name.scope()
    assigned = [n for n in ast_queries.descendants(scope, nodes.AssignName) if n.name == name.name and n.scope() is scope]
    before = [n for n in assigned if n.lineno < name.lineno]
    if not before:
        return None
    last = max(before, key=lambda n: (n.lineno, n.col_offset))
    assign = last.parent
    if not isinstance(assign, nodes.Assign) or assign.targets != [last]:
        return None
    read_statements = set(_ancestors(name))
    if assign.parent not in read_statements:
        return None  # assigned in a branch or loop the read is not in
    loops = [n for n in read_statements if isinstance(n, (nodes.For, nodes.While))]
    for other in assigned:
        if other is last:
            continue
        if last.lineno <= other.lineno < name.lineno or any(other in loop.nodes_of_class(nodes.AssignName) for loop in loops):
            return None
    return assign.value


def _ancestors(node: nodes.NodeNG):
    while node is not None:
        yield node
        node = node.parent
