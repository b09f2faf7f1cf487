"""A small, local dtype and rank inference: which dtype (or rank) an expression certainly has, or None.

It follows one statement and the variables of the same function (a name assigned exactly once in
its scope), nothing else: ``Tensor(np.random.randn(2, 3))``, ``x.astype(ms.float64)``,
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
NUMPY_WITH_DTYPE = frozenset({"numpy.array", "numpy.asarray", "numpy.arange", *NUMPY_FLOAT64})
# Creation functions whose first argument is the shape (a tuple/list, or one int for 1-D).
SHAPE_FIRST = frozenset(
    {f"numpy.{name}" for name in ("ones", "zeros", "empty", "full", "random.random", "random.standard_normal")}
    | {f"mindspore.{ns}{name}" for ns in ("ops.", "mint.", "numpy.") for name in ("ones", "zeros", "full", "empty")}
)
# NumPy functions that take the dimensions as separate arguments: np.random.randn(2, 3).
SHAPE_AS_ARGS = frozenset({"numpy.random.rand", "numpy.random.randn"})
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
        return dtype_of(single_assignment(node), depth + 1)
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
    given = ast_queries.argument(node, "dtype", 1 if qualname in TENSOR_CONSTRUCTORS | CAST_FUNCTIONS | {"numpy.array", "numpy.asarray"} else None)
    if qualname in CAST_FUNCTIONS | TENSOR_CONSTRUCTORS | NUMPY_WITH_DTYPE and given is not None:
        return dtype_name(given)
    if qualname in TENSOR_CONSTRUCTORS and node.args:
        return dtype_of(node.args[0], depth + 1)
    return "float64" if qualname in NUMPY_FLOAT64 else None


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
        return rank_of(single_assignment(node), depth + 1)
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
