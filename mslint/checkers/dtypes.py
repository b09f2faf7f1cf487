"""A small, local dtype and rank inference: which dtype (or rank) an expression certainly has, or None.

It follows one statement and the variables of the same function (a name assigned exactly once in
its scope, or reassigned in straight-line code, ``x = x.astype(ms.float64)``), nothing else: ``Tensor(np.random.randn(2, 3))``, ``x.astype(ms.float64)``,
``ops.cast(x, mstype.float64)``, ``Tensor(data, dtype=ms.float64)`` and ``np.ones(3)``. Ranks come
only from literal shapes: ``ops.ones((2, 3))``, ``np.random.randn(2, 3)``, ``x.reshape(2, 3)``.
"""

from __future__ import annotations

from astroid import nodes

from mslint import ast_queries, names

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
# MindSpore creation functions that take ``dtype=`` (ones/zeros also take it second).
MS_CREATION = frozenset(
    f"mindspore.{ns}{name}" for ns in ("ops.", "mint.")
    for name in ("ones", "zeros", "full", "empty", "arange", "eye", "rand", "randn", "ones_like", "zeros_like", "full_like")
)
ARITHMETIC = frozenset({"+", "-", "*", "/"})
RESHAPES = frozenset({"mindspore.ops.reshape", "mindspore.mint.reshape", "numpy.reshape"})


def dtype_name(node: nodes.NodeNG) -> str | None:
    """The dtype a dtype expression names (``ms.float64``, ``mstype.double``, ``np.float64``, ``'float64'``)."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return DTYPE_WORDS.get(node.value)
    qualname = names.qualified_name(node)
    if qualname is None:
        return None
    module, _, word = qualname.rpartition(".")
    return DTYPE_WORDS.get(word) if f"{module}." in DTYPE_MODULES else None


def dtype_of(node: nodes.NodeNG | None, depth: int = 0) -> str | None:
    """The dtype of the tensor or array an expression certainly produces."""
    if node is None or depth > MAX_DEPTH:
        return None
    if isinstance(node, nodes.Name):
        return dtype_of(reaching_value(node), depth + 1)
    if isinstance(node, nodes.BinOp) and node.op in ARITHMETIC:
        return _arithmetic_dtype(node, depth)
    if not isinstance(node, nodes.Call):
        return None
    qualname = names.qualified_name(node.func)
    if qualname is None and isinstance(node.func, nodes.Attribute):
        method = node.func.attrname
        if method in ("astype", "to") and node.args:
            return dtype_name(node.args[0])
        if method in CONVERSION_METHODS and not node.args and not node.keywords:
            return CONVERSION_METHODS[method] if dtype_of(node.func.expr, depth + 1) else None
        return None
    position = 1 if qualname in TENSOR_CONSTRUCTORS | CAST_FUNCTIONS else NUMPY_DTYPE_POSITION.get(qualname or "")
    given = ast_queries.argument(node, "dtype", position)
    if qualname in CAST_FUNCTIONS | TENSOR_CONSTRUCTORS | NUMPY_WITH_DTYPE and given is not None:
        return dtype_name(given)
    if qualname in TENSOR_CONSTRUCTORS and node.args:
        return dtype_of(node.args[0], depth + 1)
    if qualname in MS_CREATION:
        given = ast_queries.argument(node, "dtype", 1 if qualname.rpartition(".")[2] in ("ones", "zeros") else None)
        return dtype_name(given) if given is not None else None
    return "float64" if qualname in NUMPY_FLOAT64 else None


def _arithmetic_dtype(node: nodes.BinOp, depth: int) -> str | None:
    """A float tensor combined with a Python number or a tensor of the same dtype keeps its dtype."""
    left, right = dtype_of(node.left, depth + 1), dtype_of(node.right, depth + 1)
    for known, other, other_dtype in ((left, node.right, right), (right, node.left, left)):
        if known and known.startswith("float") and (other_dtype == known or _is_number(other)):
            return known
    return None


def _is_number(node: nodes.NodeNG) -> bool:
    if isinstance(node, nodes.UnaryOp):
        return _is_number(node.operand)
    return isinstance(node, nodes.Const) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool)


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
        node for node in name.scope().nodes_of_class(nodes.AssignName)
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
    assigned = [n for n in scope.nodes_of_class(nodes.AssignName) if n.name == name.name and n.scope() is scope]
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
