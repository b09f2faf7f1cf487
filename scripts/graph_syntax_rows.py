"""The probe of every row of mslint/knowledge/data/graph_syntax.json (read by scripts/gen_graph_syntax.py).

One ``Row`` per construct: a ``construct`` body compiled inside a fresh ``nn.Cell`` (or, for ``kind="jit"``,
a module-level ``FUNCTION``, made with the header's ``jit()``: ``ms.jit`` at the level). Inputs are made per call by the factories of the probe
header (``X()`` float32 [1, 2], ``Y()`` float32 [3, 4], ``M()`` float32 2x2, ``I()`` int32 [1, 2], ``J()`` int32
[3, 4], ``B()`` bool [True, False],
``S()`` int32 scalar 3, ``F()`` float32 scalar 2.5). The row ids are referenced by
mslint/knowledge/data/graph_syntax_pages.toml.
"""

from __future__ import annotations

import builtins
import textwrap
from dataclasses import dataclass

TABLES = ("builtins", "methods", "statements", "expressions", "operators")


@dataclass(frozen=True)
class Row:
    """One construct and the probe that shows it."""

    table: str
    id: str
    construct: str
    body: str = ""
    init: str = ""
    prelude: str = ""
    params: str = "x"
    args: str = "X()"
    after: str = ""  # expression over ``net``, evaluated after the calls: the state they left
    between: str = ""  # statement run between the two calls, with ``net`` in scope
    base: str = "nn.Cell"
    dynamic: bool = False
    kind: str = "cell"  # "jit": the prelude defines FUNCTION, usually with the header's level-aware jit()
    raises: bool = False
    note: str = ""

    @property
    def subject(self) -> str:
        """The builtin, method, AST node class or operator the row belongs to (second id part)."""
        return self.id.split(".")[1] if self.table != "methods" else ".".join(self.id.split(".")[1:3])

    def case(self) -> str:
        """The user code of the probe (without the shared header)."""
        parts = [textwrap.dedent(self.prelude).strip()] if self.prelude.strip() else []
        if self.kind == "cell":
            init = textwrap.indent(textwrap.dedent(self.init).strip() or "pass", " " * 8)
            body = textwrap.indent(textwrap.dedent(self.body).strip(), " " * 8)
            init_block = "" if not self.init.strip() else f"    def __init__(self):\n        super().__init__()\n{init}\n\n"
            parts.append(f"class Probe({self.base}):\n{init_block}    def construct(self, {self.params}):\n{body}")
        return "\n\n\n".join(parts) + "\n"


ROWS: list[Row] = []


def row(table: str, name: str, construct: str, body: str = "", **options) -> None:
    """Define one row; ``name`` is the id without the table prefix."""
    ROWS.append(Row(table, f"{table}.{name}", construct, body, **options))


# ---------------------------------------------------------------- statements (every ast.stmt class)

S = "statements"
row(S, "FunctionDef", "nested def closing over a tensor", """
    def scale(v):
        return v * x
    return scale(x)
""")
row(S, "FunctionDef.default_local", "nested def whose default value refers to a local", """
    k = 3
    def scale(v, factor=k):
        return v * factor
    return scale(x)
""")
row(S, "FunctionDef.default_tensor", "function with a Tensor default value", """
    return scaled(x)
""", prelude="""
    def scaled(v, factor=Tensor(np.array([2.0, 3.0], np.float32))):
        return v * factor
""")
row(S, "FunctionDef.default_containers", "function defaults of type int, float, bool, None, str, tuple, list, dict", """
    return combine(x)
""", prelude="""
    def combine(v, n=2, f=0.5, flag=True, nothing=None, name="a", pair=(1, 2), items=[3], table={"k": 4}):
        return v * n * f + pair[1] + items[0] + table["k"] + (1 if flag else 0) + (0 if nothing is None else 1) + (name == "a")
""")
row(S, "FunctionDef.varargs", "def f(*args) called with several arguments", """
    def total(*values):
        return values[0] + values[1] + len(values)
    return total(x, x, x)
""")
row(S, "FunctionDef.kwargs", "def f(**kwargs) called with keywords", """
    def pick(**options):
        return options["a"] * options["b"]
    return pick(a=x, b=2)
""")
row(S, "FunctionDef.keyword_only", "keyword-only parameter", """
    def scale(v, *, factor):
        return v * factor
    return scale(x, factor=3)
""")
row(S, "FunctionDef.mixed_varargs", "def f(x, y=1, *args, z=2, **kwargs)", """
    def mix(a, b=1, *rest, c=2, **options):
        return a * b + len(rest) + c + len(options)
    return mix(x, 2, 3, 4, c=5, d=6)
""")
row(S, "FunctionDef.decorated", "nested def with a decorator (functools.wraps-free closure decorator)", """
    def twice(fn):
        def wrapper(v):
            return fn(fn(v))
        return wrapper
    @twice
    def inc(v):
        return v + 1
    return inc(x)
""")
row(S, "FunctionDef.recursion", "module-level recursive function with a constant depth", """
    return power(x, 3)
""", prelude="""
    def power(v, n):
        if n == 0:
            return v * 0 + 1
        return v * power(v, n - 1)
""")
row(S, "FunctionDef.construct_kwargs", "construct(self, **kwargs) called with keywords", """
    return kwargs["x"] * 2
""", params="**kwargs", args="x=X()")
row(S, "FunctionDef.construct_varargs", "construct(self, *args)", """
    return args[0] + args[1]
""", params="*args", args="X(), X()")
row(S, "FunctionDef.construct_default", "construct parameter with a default value, not passed", """
    return x * k
""", params="x, k=3")
row(S, "FunctionDef.self_method", "call of another method of self", """
    return self.double(x)
""", prelude="""
    class Base(nn.Cell):
        def double(self, v):
            return v * 2
""", base="Base")
row(S, "FunctionDef.staticmethod", "call of a @staticmethod through self", """
    return self.double(x)
""", prelude="""
    class Base(nn.Cell):
        @staticmethod
        def double(v):
            return v * 2
""", base="Base")
row(S, "AsyncFunctionDef", "async def defined (not awaited) inside construct", """
    async def later(v):
        return v
    return x
""")
row(S, "ClassDef", "class statement inside construct", """
    class Local:
        scale = 2
    return x * Local.scale
""")
row(S, "Return", "return of a tensor", "return x * 2")
row(S, "Return.bare", "bare return (None)", """
    y = x * 2
    return
""")
row(S, "Return.missing", "no return statement (None)", """
    y = x * 2
""")
row(S, "Return.in_tensor_branches", "return in both branches of a tensor condition", """
    if x.sum() > 2:
        return x * 2
    return x * 3
""")
row(S, "Return.nested_tuple", "return of nested tuples and lists", """
    return (x, (1, [2.0, "a"]), None)
""")
row(S, "Delete", "del of a local name", """
    y = x * 2
    del y
    return x
""")
row(S, "Delete.subscript", "del of a list item", """
    items = [1, 2, 3]
    del items[0]
    return items
""")
row(S, "Delete.dict_key", "del of a dict key", """
    table = {"a": 1, "b": 2}
    del table["a"]
    return len(table)
""")
row(S, "Assign", "chained assignment a = b = value", """
    a = b = x * 2
    return a + b
""")
row(S, "Assign.unpack", "tuple unpacking assignment", """
    a, (b, c) = 1, (x, 3)
    return a + b + c
""")
row(S, "Assign.unpack_tensor", "unpacking a tensor along dimension 0", """
    a, b = x
    return b - a
""")
row(S, "Assign.list_item", "list item assignment", """
    items = [1, 2, 3]
    items[0] = x
    return items
""")
row(S, "Assign.list_item_variable_index", "list item assignment at an index computed from a tensor", """
    items = [x, x * 2, x * 3]
    items[int(x[0])] = x * 0
    return items
""")
row(S, "Assign.dict_item", "dict item assignment", """
    table = {"a": 1}
    table["b"] = x
    return table["b"] + table["a"]
""")
row(S, "Assign.tensor_item", "tensor item assignment on a local tensor", """
    y = x * 1
    y[0] = 5.0
    return y
""")
row(S, "Assign.parameter_attribute", "self.<Parameter> = value", """
    self.w = x * 2
    return self.w + 0
""", init="self.w = Parameter(Tensor(np.zeros(2, np.float32)), name='w')", after="net.w")
row(S, "Assign.tensor_attribute", "self.<Tensor attribute, not a Parameter> = value", """
    self.cache = x * 2
    return self.cache
""", init="self.cache = Tensor(np.zeros(2, np.float32))", after="net.cache")
row(S, "Assign.int_attribute", "self.<int attribute> = value", """
    self.count = 5
    return x * self.count
""", init="self.count = 1", after="net.count")
row(S, "Assign.new_attribute", "self.<attribute not set in __init__> = value", """
    self.fresh = x * 2
    return self.fresh
""", after="hasattr(net, 'fresh')")
row(S, "Assign.list_attribute_item", "self.<list>[i] = value", """
    self.items[0] = 7
    return x * self.items[0]
""", init="self.items = [1, 2]", after="net.items")
row(S, "Assign.dict_attribute_item", "self.<dict>[key] = value", """
    self.table["last"] = 7
    return x * self.table["last"]
""", init="self.table = {'first': 1}", after="sorted(net.table)")
row(S, "Assign.plain_object_attribute", "attribute set on a plain (non-jit_class) object", """
    self.box.value = 7
    return x * self.box.value
""", prelude="""
    class Box:
        def __init__(self):
            self.value = 1
""", init="self.box = Box()", after="net.box.value")
row(S, "AugAssign", "n += value on a local number", """
    n = 1
    n += 2
    return x * n
""")
row(S, "AnnAssign", "annotated assignment with a value", """
    y: Tensor = x * 2
    return y
""")
row(S, "AnnAssign.no_value", "annotation without a value", """
    y: int
    return x
""")
row(S, "For", "for over a tuple", """
    total = x
    for k in (1, 2, 3):
        total = total + k
    return total
""")
row(S, "For.tensor", "for over the rows of a tensor", """
    total = 0
    for value in x:
        total = total + value
    return total
""")
row(S, "For.dict", "for over a dict (keys)", """
    table = {"a": 1, "b": 2}
    total = x
    for key in table:
        total = total + table[key]
    return total
""")
row(S, "For.str", "for over a str", """
    count = 0
    for letter in "abc":
        count = count + 1
    return x * count
""")
row(S, "For.unpack_target", "for a, b in pairs", """
    total = x
    for a, b in ((1, 2), (3, 4)):
        total = total + a * b
    return total
""")
row(S, "For.else", "for ... else", """
    for k in range(2):
        x = x + k
    else:
        x = x * 2
    return x
""")
row(S, "For.celllist", "for over a CellList", """
    for layer in self.layers:
        x = layer(x)
    return x
""", init="self.layers = nn.CellList([nn.ReLU(), nn.ReLU()])")
row(S, "For.tensor_break", "break under a tensor condition in a for loop", """
    for k in range(5):
        if x.sum() > 4:
            break
        x = x + k
    return x
""")
row(S, "For.loop_only_variable", "variable first assigned inside a for loop, used after it", """
    for k in range(2):
        y = x * k
    return y
""")
row(S, "AsyncFor", "async for (inside an async def defined in construct)", """
    async def drain(source):
        async for item in source:
            pass
    return x
""")
row(S, "While", "while with a tensor condition", """
    while x.sum() < 20:
        x = x * 2
    return x
""")
row(S, "While.constant", "while with a constant condition", """
    k = 0
    while k < 3:
        x = x + 1
        k += 1
    return x
""")
row(S, "While.else", "while ... else", """
    k = 0
    while k < 2:
        k += 1
    else:
        x = x * 2
    return x
""")
row(S, "While.reassigned_type_mismatch", "variable set to an int, reassigned a Tensor in a tensor-condition while", """
    y = 0
    while x.sum() < 20:
        x = x * 2
        y = x
    return y
""")
row(S, "While.loop_only_variable", "variable first assigned inside a tensor-condition while loop, used after it", """
    while x.sum() < 20:
        x = x * 2
        y = x
    return y
""")
row(S, "If", "if / else on a tensor condition", """
    if x.sum() > 2:
        y = x * 2
    else:
        y = x * 3
    return y
""")
row(S, "If.elif", "if / elif / else on tensor conditions", """
    if x.sum() > 10:
        y = x
    elif x.sum() > 2:
        y = x * 2
    else:
        y = x * 3
    return y
""")
row(S, "If.constant_containers", "if on constant list, tuple, dict and str values", """
    y = x
    if [1]:
        y = y + 1
    if ():
        y = y + 10
    if {"a": 1}:
        y = y + 100
    if "":
        y = y + 1000
    return y
""")
row(S, "If.none_attribute", "if self.attr is None (attribute set to None in __init__)", """
    if self.bias is None:
        return x
    return x + self.bias
""", init="self.bias = None")
row(S, "If.branch_only_variable", "variable assigned only in the true branch of a tensor if", """
    if x.sum() > 2:
        y = x * 2
    return y
""")
row(S, "If.branch_type_mismatch", "tensor-if branches return a Tensor and an int", """
    if x.sum() > 2:
        return x
    return 0
""")
row(S, "If.branch_shape_mismatch", "tensor-if branches return tensors of different shapes", """
    if x.sum() > 2:
        return x
    return x.sum()
""")
row(S, "If.branch_dtype_mismatch", "tensor-if branches return float32 and float16 tensors", """
    if x.sum() > 2:
        return x
    return x.astype(ms.float16)
""")
row(S, "If.reassigned_type_mismatch", "variable set to an int, reassigned a Tensor in a tensor-if", """
    y = 0
    if x.sum() > 2:
        y = x
    return y
""")
row(S, "If.training_flag", "if self.training", """
    if self.training:
        return x * 2
    return x
""")
row(S, "With", "with on a @ms.jit_class object", """
    with self.scope as value:
        y = x * value
    return y
""", prelude="""
    @ms.jit_class
    class Scope:
        def __init__(self):
            self.value = 2

        def __enter__(self):
            return self.value

        def __exit__(self, exc_type, exc_value, traceback):
            return False
""", init="self.scope = Scope()")
row(S, "With.plain_object", "with on a plain (non-jit_class) context manager", """
    with self.scope as value:
        y = x * value
    return y
""", prelude="""
    class Scope:
        def __enter__(self):
            return 2

        def __exit__(self, exc_type, exc_value, traceback):
            return False
""", init="self.scope = Scope()")
row(S, "With.cell", "with on an nn.Cell that defines __enter__/__exit__", """
    with self.scope as value:
        y = x * value
    return y
""", prelude="""
    class Scope(nn.Cell):
        def __enter__(self):
            return 2

        def __exit__(self, exc_type, exc_value, traceback):
            return False
""", init="self.scope = Scope()")
row(S, "With.jit_class_created_inside", "with on a @ms.jit_class object created in construct", """
    with Scope() as value:
        y = x * value
    return y
""", prelude="""
    @ms.jit_class
    class Scope:
        def __enter__(self):
            return 2

        def __exit__(self, exc_type, exc_value, traceback):
            return False
""")
row(S, "AsyncWith", "async with (inside an async def defined in construct)", """
    async def hold(lock):
        async with lock:
            pass
    return x
""")
row(S, "Match", "match statement on a constant", """
    mode = "double"
    match mode:
        case "double":
            y = x * 2
        case _:
            y = x
    return y
""")
row(S, "Raise", "raise under a tensor condition that is false", """
    if x.sum() > 100:
        raise ValueError("too big")
    return x
""")
row(S, "Raise.variable_condition_true", "raise under a tensor condition that is true", """
    if x.sum() > 0:
        raise ValueError("positive")
    return x
""", raises=True)
row(S, "Raise.constant_condition", "raise under a constant condition that is true", """
    if len((1, 2)) == 2:
        raise ValueError("two")
    return x
""", raises=True)
row(S, "Raise.class_only", "raise ValueError (the class, not an instance)", """
    raise ValueError
""", raises=True)
row(S, "Raise.from_none", "raise ... from None", """
    raise ValueError("boom") from None
""", raises=True)
row(S, "Raise.from_exception", "raise ... from another exception", """
    raise ValueError("boom") from KeyError("k")
""", raises=True)
row(S, "Raise.tensor_in_message", "raise with a runtime tensor in the message arguments", """
    if x.sum() > 0:
        raise ValueError("bad value", x)
    return x
""", raises=True)
row(S, "Raise.fstring_message", "raise with an f-string message naming a shape", """
    raise ValueError(f"bad shape {x.shape}")
""", raises=True)
row(S, "Raise.dict_argument", "raise with a dict argument", """
    raise ValueError({"a": 1})
""", raises=True, note="docs master (after r2.6.0) adds: 'The raise syntax in graph mode does not support variables of type Dict.'")
row(S, "Raise.bare", "bare raise (no active exception)", """
    raise
""", raises=True)
row(S, "Try", "try / except", """
    try:
        y = x * 2
    except ValueError:
        y = x
    return y
""")
row(S, "Try.finally", "try / finally", """
    try:
        y = x * 2
    finally:
        y = x
    return y
""")
row(S, "Try.else", "try / except / else", """
    try:
        y = x * 2
    except ValueError:
        y = x
    else:
        y = y + 1
    return y
""")
row(S, "TryStar", "try / except* (exception groups)", """
    try:
        y = x * 2
    except* ValueError:
        y = x
    return y
""")
row(S, "Assert", "assert on a tensor condition that holds", """
    assert x.sum() > 0
    return x
""")
row(S, "Assert.fails", "assert on a tensor condition that fails, with a message", """
    assert x.sum() < 0, "must be negative"
    return x
""", raises=True)
row(S, "Assert.constant", "assert on a constant condition", """
    assert len((1, 2)) == 2, "two"
    return x
""")
row(S, "Assert.membership", "assert x in [values] on a tensor (docs example)", """
    assert x[0] in [1.0, 3.0]
    return x
""")
row(S, "Import", "import inside construct", """
    import math as m
    return x * m.pi
""")
row(S, "ImportFrom", "from ... import inside construct", """
    from math import pi
    return x * pi
""")
row(S, "Global", "global G; G = G + 1 (module variable update)", """
    global COUNTER
    COUNTER = COUNTER + 1
    return x * COUNTER
""", prelude="COUNTER = 0", after="COUNTER")
row(S, "Global.read", "read of a module global (no global statement)", """
    return x * SCALE
""", prelude="SCALE = 3")
row(S, "Nonlocal", "nonlocal in a nested def", """
    total = 1
    def bump():
        nonlocal total
        total = total + 1
    bump()
    return x * total
""")
row(S, "Expr", "expression statement (value discarded)", """
    x + 1
    return x
""")
row(S, "Expr.docstring", "docstring in construct", '''
    """Scale the input."""
    return x * 2
''')
row(S, "Pass", "pass", """
    if x.sum() > 0:
        pass
    return x
""")
row(S, "Break", "break in a for loop", """
    for k in range(5):
        if k > 1:
            break
        x = x + k
    return x
""")
row(S, "Continue", "continue in a for loop", """
    for k in range(4):
        if k % 2 == 0:
            continue
        x = x + k
    return x
""")


# ---------------------------------------------------------------- expressions (every ast.expr class)

E = "expressions"
row(E, "BoolOp", "and / or on constants", """
    return (1 and 2), (0 or 3), ("" or "b"), (None or 4)
""")
row(E, "BoolOp.tensor_scalars", "and of two single-element tensor comparisons", """
    return (x.sum() > 1) and (x.sum() < 5)
""")
row(E, "BoolOp.tensor_and_number", "variable single-element tensor and a number", """
    return (x.sum() > 1) and 3
""")
row(E, "BoolOp.tensor_or_none", "variable single-element tensor or None", """
    return (x.sum() < 1) or None
""")
row(E, "NamedExpr", "assignment expression (walrus)", """
    if (total := x.sum()) > 2:
        return x * total
    return x
""")
row(E, "NamedExpr.comprehension", "walrus inside a comprehension condition", """
    return [y for k in (1, 2, 3) if (y := k * 2) > 2]
""")
row(E, "BinOp", "binary arithmetic on a tensor and numbers", "return (x + 1) * 2 - x / 4")
row(E, "UnaryOp", "unary minus and plus on a tensor", """
    return -x, +x
""")
row(E, "Lambda", "lambda defined and called in construct", """
    double = lambda v: v * 2
    return double(x)
""")
row(E, "Lambda.default", "lambda with a default argument", """
    scale = lambda v, k=3: v * k
    return scale(x)
""")
row(E, "Lambda.shared_line", "two lambdas on one source line (module dict of lambdas)", """
    return ACTIVATIONS["double"](x)
""", prelude="""ACTIVATIONS = {"double": lambda v: v * 2, "triple": lambda v: v * 3}""")
row(E, "Lambda.attribute", "lambda stored on self in __init__ (own line)", """
    return self.act(x)
""", init="self.act = lambda v: v * 2")
row(E, "Lambda.jit_own_line", "lambda on its own line, then given to ms.jit", kind="jit", prelude="""
    double = lambda v: v * 2
    FUNCTION = jit(double)
""")
row(E, "Lambda.jit_inline", "lambda written inside the ms.jit call: jit(lambda v: ...)", kind="jit", prelude="""
    FUNCTION = jit(lambda v: v * 2)
""")
row(E, "Lambda.jit_in_construct", "ms.jit(lambda ...) called inside construct", """
    return ms.jit(lambda v: v * 2)(x)
""", raises=True, note="PyNative compiles the lambda too (ms.jit) and raises TypeError: the lambda shares its line")
row(E, "Lambda.map", "lambda passed to map", """
    return tuple(map(lambda v: v * 2, (1, 2)))
""")
row(E, "IfExp", "conditional expression on a tensor condition", """
    return x * 2 if x.sum() > 2 else x * 3
""")
row(E, "IfExp.constant", "conditional expression on a constant condition", """
    return x * 2 if len((1, 2)) == 2 else 0
""")
row(E, "Dict", "dict display with str keys", """
    table = {"a": x, "b": 2}
    return table["a"] * table["b"]
""")
row(E, "Dict.number_and_tuple_keys", "dict display with int and tuple keys", """
    table = {1: x, (2, 3): 4}
    return table[1] * table[(2, 3)]
""")
row(E, "Dict.tensor_key", "dict display with a runtime tensor key", """
    table = {x: 1}
    return len(table)
""")
row(E, "Dict.unpack", "dict display with ** unpacking", """
    base = {"a": 1}
    merged = {**base, "b": 2}
    return x * merged["a"] + merged["b"]
""")
row(E, "Dict.return", "dict returned from construct", """
    return {"a": x, "b": x * 2}
""")
row(E, "Set", "set display", """
    return x * len({1, 2, 2})
""")
row(E, "ListComp", "list comprehension with a condition", """
    return [k * k for k in range(1, 6) if k % 2 == 1]
""")
row(E, "ListComp.two_for", "list comprehension with two for clauses", """
    return [a * b for a in (1, 2) for b in (3, 4)]
""")
row(E, "ListComp.tensor", "list comprehension over the rows of a tensor", """
    return [row * 2 for row in x]
""")
row(E, "SetComp", "set comprehension", """
    return x * len({k % 2 for k in range(4)})
""")
row(E, "DictComp", "dict comprehension with a condition", """
    pairs = [("a", 1), ("b", 2), ("c", 3)]
    table = {key: value for (key, value) in pairs if value > 1}
    return x * table["b"] + table["c"]
""")
row(E, "DictComp.two_for", "dict comprehension with two for clauses", """
    table = {a * 10 + b: a for a in (1, 2) for b in (3, 4)}
    return x * table[13]
""")
row(E, "GeneratorExp", "generator expression given to tuple()", """
    return tuple(k * 2 for k in range(3))
""")
row(E, "GeneratorExp.sum", "generator expression given to sum()", """
    return sum(row * 2 for row in x)
""")
row(E, "GeneratorExp.returned", "generator expression returned from construct", """
    return (k * 2 for k in range(3))
""")
row(E, "Await", "await (inside an async def defined in construct)", """
    async def wait(task):
        return await task
    return x
""")
row(E, "Yield", "generator function called and iterated", """
    total = x
    for k in numbers():
        total = total + k
    return total
""", prelude="""
    def numbers():
        yield 1
        yield 2
""")
row(E, "Yield.cell_method", "generator method of self iterated", """
    total = x
    for k in self.numbers():
        total = total + k
    return total
""", prelude="""
    class Base(nn.Cell):
        def numbers(self):
            yield 1
            yield 2
""", base="Base")
row(E, "YieldFrom", "yield from in a generator function", """
    total = x
    for k in numbers():
        total = total + k
    return total
""", prelude="""
    def numbers():
        yield from (1, 2)
""")
row(E, "Compare", "comparison of a tensor and a number", "return x > 1")
row(E, "Compare.chained_constants", "chained comparison of constants", "return x * (1 < 2 < 3)")
row(E, "Compare.chained_tensor", "chained comparison on a tensor scalar", """
    return 0 < x.sum() < 10
""")
row(E, "Compare.is_none", "is None / is not None", """
    value = None
    return value is None, x is not None
""")
row(E, "Compare.is_same_object", "is between two names of one tuple (not None/True/False)", """
    pair = (1, 2)
    other = pair
    return pair is other
""")
row(E, "Compare.is_tensor", "is between two tensors", """
    y = x
    return x is y
""")
row(E, "Compare.is_type", "is between classes (type(v) is int)", """
    return type(3) is int
""")
row(E, "Call", "call of a sub-cell", """
    return self.act(x)
""", init="self.act = nn.ReLU()")
row(E, "Call.keywords", "call of a function with keyword arguments", """
    return ops.clip_by_value(x, clip_value_min=1.5, clip_value_max=3.0)
""")
row(E, "Call.star_args", "call with *args", """
    values = (x, x)
    return ops.add(*values)
""")
row(E, "Call.double_star_kwargs", "call with **kwargs", """
    options = {"axis": 0, "keepdims": True}
    return x.sum(**options)
""")
row(E, "Call.cell_created_with_keywords", "Cell created with keyword arguments inside construct", """
    return nn.Softmax(axis=0)(x)
""")
row(E, "Call.primitive_created", "Primitive created inside construct", """
    return ops.ReLU()(x - 1.5)
""")
row(E, "Call.ops_partial", "ops.partial", """
    add = ops.partial(ops.add, x)
    return add(x)
""")
row(E, "Call.functools_partial", "functools.partial", """
    scale = functools.partial(ops.mul, x)
    return scale(3.0)
""")
row(E, "Call.classmethod", "call of a @classmethod through self", """
    return self.scale(x)
""", prelude="""
    class Base(nn.Cell):
        @classmethod
        def scale(cls, v):
            return v * 2
""", base="Base")
row(E, "Call.plain_object_method", "method of a plain (non-jit_class) object", """
    return self.helper.scale(x)
""", prelude="""
    class Helper:
        def scale(self, v):
            return v * 2
""", init="self.helper = Helper()")
row(E, "Call.jit_class_instance", "@ms.jit_class instance created in construct with constant arguments", """
    helper = Helper(3)
    return helper.scale(x)
""", prelude="""
    @ms.jit_class
    class Helper:
        def __init__(self, k):
            self.k = k

        def scale(self, v):
            return v * self.k
""")
row(E, "Call.jit_class_runtime_argument", "@ms.jit_class instance created in construct with a runtime tensor argument", """
    helper = Helper(x)
    return helper.scale(x)
""", prelude="""
    @ms.jit_class
    class Helper:
        def __init__(self, k):
            self.k = k

        def scale(self, v):
            return v * self.k
""")
row(E, "Call.jit_class_without_call", "calling a @ms.jit_class instance whose class has no __call__", """
    return self.helper(x)
""", prelude="""
    @ms.jit_class
    class Helper:
        def __init__(self):
            self.k = 2
""", init="self.helper = Helper()", raises=True)
row(E, "Call.parameter_created", "Parameter created inside construct", """
    p = Parameter(Tensor(np.ones(2, np.float32)), name="p")
    return x + p
""")
row(E, "Call.dense_created", "nn.Dense created inside construct (random initial weights)", """
    dense = nn.Dense(2, 2)
    return dense(x.reshape(1, 2))
""", prelude="ms.set_seed(1)")
row(E, "Call.numpy_on_constant", "numpy function on constants", """
    return x * np.sqrt(16.0)
""")
row(E, "Call.numpy_on_tensor", "numpy function on a runtime tensor", """
    return Tensor(np.maximum(x.asnumpy(), 1.5))
""")
row(E, "Call.math_on_tensor", "math function on a runtime tensor scalar", """
    return math.sqrt(x.sum())
""")
row(E, "Call.asnumpy", "Tensor.asnumpy() inside construct", """
    return Tensor(x.asnumpy() + 1)
""")
row(E, "Call.tensor_from_shape", "Tensor created from a shape value", """
    return Tensor(x.shape[0])
""")
row(E, "FormattedValue", "f-string format spec {v:.2f}", """
    return f"{1.5:.2f}"
""")
row(E, "FormattedValue.conversion", "f-string conversion {v!r}", """
    return f"{'a'!r}"
""")
row(E, "JoinedStr", "f-string of an int constant", """
    return f"layer{3}"
""")
row(E, "JoinedStr.tensor", "f-string of a runtime tensor", """
    return f"value {x}"
""")
row(E, "JoinedStr.tuple", "f-string of a tuple", """
    return f"{(2,)}"
""")
row(E, "JoinedStr.float_bool", "f-string of a float and a bool", """
    return f"{1.0} {True}"
""")
row(E, "JoinedStr.shape", "f-string of a tensor shape", """
    return f"shape {x.shape}"
""")
row(E, "Constant", "int, float, bool, str and None constants", """
    return 1, 2.5, True, "a", None
""")
row(E, "Constant.complex", "complex constant", """
    z = 1 + 2j
    return x * z.imag
""")
row(E, "Constant.bytes", "bytes constant", """
    return b"ab"
""")
row(E, "Constant.ellipsis", "Ellipsis constant in an index", """
    return x[...]
""")
row(E, "Attribute", "attribute of self and of a tensor", """
    return x * self.k, x.shape
""", init="self.k = 2")
row(E, "Attribute.undefined", "attribute of self never set", """
    return x * self.missing
""", raises=True)
row(E, "Attribute.module", "module attribute (ms.float32, np.pi)", """
    return x.astype(ms.float16), np.pi
""")
row(E, "Attribute.primitive_attribute", "attribute of a Primitive instance", """
    return x, self.op.name
""", init="self.op = ops.ReLU()")
row(E, "Attribute.cell_attribute", "attribute of a sub-cell", """
    return x * self.sub.k
""", prelude="""
    class Sub(nn.Cell):
        def __init__(self):
            super().__init__()
            self.k = 3
""", init="self.sub = Sub()")
row(E, "Subscript", "tuple, list and dict subscripts", """
    return (1, 2)[0], [3, 4][-1], {"a": 5}["a"], x[0]
""")
row(E, "Subscript.tuple_tensor_index", "tuple of cells indexed by an int32 scalar tensor", """
    return self.branches[index](x)
""", init="self.branches = (nn.ReLU(), nn.Sigmoid())", params="x, index", args="X(), Tensor(1, ms.int32)")
row(E, "Subscript.list_tensor_index", "list of tensors indexed by a scalar tensor", """
    return [x, x * 2, x * 3][index]
""", params="x, index", args="X(), Tensor(1, ms.int32)")
row(E, "Subscript.str", "str subscript", """
    return "abc"[1]
""")
row(E, "Subscript.dict_missing_key", "dict subscript with a missing key", """
    return {"a": 1}["b"]
""", raises=True)
row(E, "Starred", "starred argument in a call f(*t)", """
    pair = (x, x)
    return ops.add(*pair)
""")
row(E, "Starred.assign", "starred assignment target a, *rest = t", """
    first, *rest = (1, 2, 3)
    return x * first, rest
""")
row(E, "Starred.list_display", "starred in a list display [*t, v]", """
    pair = (1, 2)
    return [*pair, 3]
""")
row(E, "Starred.tuple_display", "starred in a tuple display (*t, v)", """
    pair = (1, 2)
    return (*pair, 3)
""")
row(E, "Starred.tensor", "starred unpacking of a tensor", """
    first, *rest = x
    return first, rest
""")
row(E, "Name", "local and global names", """
    y = x
    return y * SCALE
""", prelude="SCALE = 2")
row(E, "Name.undefined", "name that is not defined", """
    return x * undefined_name
""", raises=True)
row(E, "List", "list display and nested lists", """
    return [x, [1, 2.5], "a"]
""")
row(E, "Tuple", "tuple display and nested tuples", """
    return (x, (1, 2.5), "a")
""")
row(E, "Slice", "slices of a tuple and of a tensor", """
    return (1, 2, 3, 4)[1:3], (1, 2, 3, 4)[::2], x[0:1]
""")
row(E, "Slice.none_bounds", "slice with None bounds", """
    return (1, 2, 3)[None:2], [1, 2, 3][1:None]
""")
row(E, "Slice.tensor_bound", "tensor slice whose bound is a runtime scalar tensor", """
    return x[0:n]
""", params="x, n", args="X(), Tensor(1, ms.int32)")
row(E, "Slice.tuple_runtime_bound", "tuple slice whose bound comes from a runtime tensor", """
    return (1, 2, 3)[0:int(n)]
""", params="x, n", args="X(), Tensor(1, ms.int32)")


# ---------------------------------------------------------------- builtins (every name of the builtins module)

BI = "builtins"
row(BI, "abs", "abs of numbers", "return abs(-2), abs(-1.5), abs(True)")
row(BI, "abs.tensor", "abs of a tensor", "return abs(x - 3)")
row(BI, "aiter", "aiter() of an object defining __aiter__", """
    return x, aiter(self.source) is not None
""", prelude="""
    class Source:
        def __aiter__(self):
            return self

        def __anext__(self):
            return self
""", init="self.source = Source()")
row(BI, "all", "all() of a tuple and a list", "return all((1, True)), all([0, 1])")
row(BI, "all.tensor", "all() over the elements of a tensor", "return all(x)")
row(BI, "anext", "anext() of an async iterator (returns an awaitable)", """
    return x, anext(self.source) is not None
""", prelude="""
    class Source:
        def __anext__(self):
            return self
""", init="self.source = Source()")
row(BI, "any", "any() of a tuple and a list", "return any((0, False)), any([0, 1])")
row(BI, "any.tensor", "any() over the elements of a tensor", "return any(x - 1)")
row(BI, "ascii", "ascii() of a str", "return ascii('é')")
row(BI, "bin", "bin() of an int", "return bin(5)")
row(BI, "bool", "bool() of constants", "return bool(0), bool([]), bool('a'), bool((1,)), bool({})")
row(BI, "bool.tensor", "bool() of a single-element tensor", "return bool(x.sum() > 2)")
row(BI, "breakpoint", "breakpoint() (PYTHONBREAKPOINT=0: a no-op)", """
    breakpoint()
    return x
""")
row(BI, "bytearray", "bytearray() of bytes, indexed", "return bytearray(b'ab')[1]")
row(BI, "bytes", "bytes() of an int, compared", "return bytes(3) == b'\\x00\\x00\\x00'")
row(BI, "callable", "callable() of a function and a number", "return callable(abs), callable(3)")
row(BI, "chr", "chr() of an int", "return chr(65)")
row(BI, "classmethod", "calling a @classmethod through self (the decorator's use)", """
    return self.scale(x)
""", prelude="""
    class Base(nn.Cell):
        @classmethod
        def scale(cls, v):
            return v * 2
""", base="Base")
row(BI, "compile", "compile() of an expression string, then eval", """
    return x * eval(compile("1 + 2", "<expr>", "eval"))
""")
row(BI, "complex", "complex() of two numbers, imaginary part taken", "return x * complex(1, 2).imag")
row(BI, "copyright", "str() of the copyright helper", "return str(copyright) != ''")
row(BI, "credits", "str() of the credits helper", "return str(credits) != ''")
row(BI, "delattr", "delattr() of an attribute of a plain object", """
    delattr(self.box, "k")
    return x
""", prelude="""
    class Box:
        def __init__(self):
            self.k = 1
""", init="self.box = Box()", between="net.box.k = 1", after="hasattr(net.box, 'k')")
row(BI, "dict", "dict() with keyword arguments", "return dict(a=1, b=2)['b']")
row(BI, "dict.pairs", "dict() of a list of key/value pairs", "return dict([('a', 1), ('b', x)])['b']")
row(BI, "dict.zip", "dict() of zip(keys, values)", "return dict(zip(('a', 'b'), (1, 2)))['b']")
row(BI, "dir", "dir() of self, membership test", "return x, 'construct' in dir(self)")
row(BI, "divmod", "divmod() of two ints", "return divmod(7, 2)")
row(BI, "divmod.dynamic_shape", "divmod() of a shape value under dynamic shape", "return divmod(x.shape[0], 2)", dynamic=True)
row(BI, "enumerate", "enumerate() of a tuple", "return tuple(enumerate((5, 6)))")
row(BI, "enumerate.start", "enumerate(seq, start) with a positional start", "return tuple(enumerate((5, 6), 1))")
row(BI, "enumerate.start_keyword", "enumerate(seq, start=) with a keyword start", "return tuple(enumerate((5, 6), start=1))")
row(BI, "enumerate.tensor", "enumerate() of a tensor in a for loop", """
    total = x * 0
    for index, value in enumerate(x):
        total = total + index * value
    return total
""")
row(BI, "enumerate.celllist", "enumerate() of a CellList", """
    for index, layer in enumerate(self.layers):
        x = layer(x) * (index + 1)
    return x
""", init="self.layers = nn.CellList([nn.ReLU(), nn.ReLU()])")
row(BI, "eval", "eval() of a constant string", "return x * eval('1 + 2')")
row(BI, "exec", "exec() of a statement string", """
    exec("value = 1")
    return x
""")
row(BI, "exit", "exit() (raises SystemExit)", """
    exit(3)
""", raises=True)
row(BI, "filter", "filter() with a lambda", "return tuple(filter(lambda v: v > 1, (1, 2, 3)))")
row(BI, "filter.none", "filter(None, seq)", "return tuple(filter(None, (0, 1, 2)))")
row(BI, "float", "float() of constants", "return float(3), float('1.5'), float(True)")
row(BI, "float.tensor", "float() of a single-element tensor", "return float(x.sum())")
row(BI, "format", "format() with a format spec", "return format(3.14159, '.2f')")
row(BI, "frozenset", "frozenset() of a tuple, length taken", "return len(frozenset((1, 2, 2)))")
row(BI, "getattr", "getattr() with a constant name", "return getattr(self, 'k') * x, getattr(x, 'shape')", init="self.k = 2")
row(BI, "getattr.default", "getattr() with a default for a missing attribute", "return getattr(self, 'missing', 5) * x")
row(BI, "getattr.loop_name", "getattr() with names built from a loop index (f'layer{i}')", """
    for i in range(2):
        x = getattr(self, f"layer{i}")(x)
    return x
""", init="""
    self.layer0 = nn.ReLU()
    self.layer1 = nn.Sigmoid()
""")
row(BI, "getattr.variable_name", "getattr() with a name chosen by a tensor condition", """
    name = "a" if x.sum() > 2 else "b"
    return getattr(self, name) * x
""", init="""
    self.a = 2
    self.b = 3
""")
row(BI, "globals", "globals() lookup", "return x * globals()['SCALE']", prelude="SCALE = 2")
row(BI, "hasattr", "hasattr() of self", "return hasattr(self, 'k'), hasattr(self, 'missing'), hasattr(x, 'shape')", init="self.k = 2")
row(BI, "hash", "hash() of an int and of a tuple of ints", "return hash(3), hash((1, 2))")
row(BI, "help", "help() of a function (prints)", """
    help(abs)
    return x
""")
row(BI, "hex", "hex() of an int", "return hex(255)")
row(BI, "id", "id() of the same object twice", "return id(x) == id(x)")
row(BI, "input", "input() (stdin closed: EOFError)", """
    return input()
""", raises=True, note="the graph calls input() while compiling (EOFError at compile time); PyNative at the call")
row(BI, "int", "int() of constants", "return int(2.7), int('12'), int(True)")
row(BI, "int.tensor", "int() of a single-element tensor", "return int(x.sum())")
row(BI, "int.base", "int(str, base) with a positional base", "return int('ff', 16)")
row(BI, "int.base_keyword", "int(str, base=) with a keyword base", "return int('ff', base=16)")
row(BI, "isinstance", "isinstance() with a single type", "return isinstance(x, Tensor), isinstance(3, int), isinstance('a', str)")
row(BI, "isinstance.tuple", "isinstance() with a tuple of types", "return isinstance(3, (float, int)), isinstance(x, (list, tuple))")
row(BI, "isinstance.parameter", "isinstance() of a Parameter", "return isinstance(self.w, Parameter), x",
    init="self.w = Parameter(Tensor(np.ones(2, np.float32)), name='w')")
row(BI, "isinstance.cell", "isinstance() of a sub-cell against an nn class", "return isinstance(self.act, nn.ReLU), x", init="self.act = nn.ReLU()")
row(BI, "issubclass", "issubclass() of builtin classes", "return issubclass(bool, int)")
row(BI, "iter", "iter() and next() of a tuple", """
    values = iter((1, 2))
    return x * next(values)
""")
row(BI, "iter.tensor", "iter() of a tensor, next() row", """
    rows = iter(x)
    return next(rows)
""")
row(BI, "len", "len() of tuple, list and dict", "return len((1, 2, 3)), len([1]), len({'a': 1})")
row(BI, "len.tensor", "len() of a tensor", "return len(x)")
row(BI, "len.str", "len() of a str", "return len('abc')")
row(BI, "len.dynamic_shape", "len() of a tensor under dynamic shape", "return len(x)", dynamic=True)
row(BI, "license", "str() of the license helper", "return str(license) != ''")
row(BI, "list", "list() of a tuple", "return list((1, 2))")
row(BI, "list.tensor", "list() of a tensor", "return list(x)")
row(BI, "list.dict", "list() of a dict (keys)", "return list({'a': 1, 'b': 2})")
row(BI, "locals", "locals() lookup", """
    k = 2
    return x * locals()['k']
""")
row(BI, "map", "map() of a lambda over a tuple", "return tuple(map(lambda v: v * 2, (1, 2)))")
row(BI, "map.two_sequences", "map() over two sequences", "return tuple(map(lambda a, b: a + b, (1, 2), (3, 4)))")
row(BI, "map.tensors", "map() over a tuple of tensors", "return tuple(map(lambda v: v * 2, (x, x)))")
row(BI, "max", "max() of numbers and of a list", "return max(1, 3, 2), max([1, 5])")
row(BI, "max.key", "max() with key=", "return max((1, -3, 2), key=abs)")
row(BI, "max.default", "max() of an empty tuple with default=", "return max((), default=0)")
row(BI, "max.tensors", "max() of two single-element tensors", "return max(x[0], x[1])")
row(BI, "max.tensor", "max() over the elements of a tensor", "return max(x)")
row(BI, "max.dict", "max() of a dict (largest key)", "return max({'a': 1, 'b': 2})")
row(BI, "memoryview", "memoryview() of bytes, indexed", "return memoryview(b'ab')[0]")
row(BI, "min", "min() of numbers and of a list", "return min(1, 3, 2), min([1, 5])")
row(BI, "min.key", "min() with key=", "return min((1, -3, 2), key=abs)")
row(BI, "min.default", "min() of an empty tuple with default=", "return min((), default=0)")
row(BI, "min.tensors", "min() of two single-element tensors", "return min(x[0], x[1])")
row(BI, "min.tensor", "min() over the elements of a tensor", "return min(x)")
row(BI, "next", "next() with a default on an exhausted iterator", "return x * next(iter(()), 5)")
row(BI, "object", "object() created", "return x, object() is not None")
row(BI, "oct", "oct() of an int", "return oct(8)")
row(BI, "open", "open() of a file, read and closed", """
    handle = open(os.devnull)
    data = handle.read()
    handle.close()
    return x, data
""")
row(BI, "ord", "ord() of a character", "return ord('A')")
row(BI, "pow", "pow() of two ints", "return pow(2, 3)")
row(BI, "pow.modulo", "pow() with a modulo", "return pow(2, 3, 5)")
row(BI, "pow.tensor", "pow() of a tensor and an int", "return pow(x, 2)")
row(BI, "print", "print() of constants", """
    print("value", 1)
    return x
""")
row(BI, "print.tensor", "print() of a runtime tensor", """
    print("value", x)
    return x
""")
row(BI, "print.sep", "print() with sep=", """
    print("a", "b", sep="-")
    return x
""")
row(BI, "print.end", "print() with end=", """
    print("a", end="!")
    return x
""")
row(BI, "print.file", "print() with file=", """
    print("a", file=sys.stdout)
    return x
""")
row(BI, "print.flush", "print() with flush=", """
    print("a", flush=True)
    return x
""")
row(BI, "property", "property() created, fget read", "return x, property().fget is None")
row(BI, "quit", "quit() (raises SystemExit)", """
    quit(3)
""", raises=True)
row(BI, "range", "range() with start, stop and step", "return tuple(range(1, 7, 2))")
row(BI, "range.negative_step", "range() with a negative step", "return tuple(range(5, 0, -2))")
row(BI, "range.len", "len() of a range", "return len(range(5))")
row(BI, "range.shape", "for over range(x.shape[0])", """
    total = x * 0
    for i in range(x.shape[0]):
        total = total + i
    return total
""")
row(BI, "range.tensor_bound", "for over range(<scalar tensor>)", """
    total = x * 0
    for i in range(n):
        total = total + i
    return total
""", params="x, n", args="X(), S()")
row(BI, "range.int_of_tensor", "for over range(int(<tensor value>)) (value-dependent trip count)", """
    total = x * 0
    for i in range(int(x.sum())):
        total = total + 1
    return total
""")
row(BI, "range.dynamic_shape", "for over range(x.shape[0]) under dynamic shape", """
    total = x * 0
    for i in range(x.shape[0]):
        total = total + i
    return total
""", dynamic=True)
row(BI, "repr", "repr() of a tuple", "return repr((1, 'a'))")
row(BI, "repr.tensor", "repr() of a runtime tensor", "return repr(x)")
row(BI, "reversed", "reversed() of a tuple", "return tuple(reversed((1, 2, 3)))")
row(BI, "reversed.list", "reversed() of a list", "return list(reversed([1, 2, 3]))")
row(BI, "reversed.loop", "for over reversed() of a tuple", """
    total = x
    for k in reversed((1, 2)):
        total = total * 10 + k
    return total
""")
row(BI, "reversed.celllist", "for over reversed() of a CellList", """
    for layer in reversed(self.layers):
        x = layer(x)
    return x
""", init="self.layers = nn.CellList([nn.Dense(2, 2, weight_init='ones', bias_init='zeros'), nn.ReLU()])",
    args="Tensor(np.array([[1.0, -2.0]], np.float32))")
row(BI, "reversed.tensor", "reversed() of a tensor", "return tuple(reversed(x))")
row(BI, "round", "round() of numbers", "return round(2.567, 2), round(2.5), round(3.5)")
row(BI, "round.tensor", "round() of a tensor", "return round(x * 1.4)")
row(BI, "round.tensor_digits", "round() of a tensor with digits (TypeError in PyNative)", "return round(x * 1.44, 1)", raises=True)
row(BI, "round.dynamic_shape", "round() of a shape-derived number under dynamic shape", "return round(x.shape[0] / 3)", dynamic=True)
row(BI, "set", "set() of a tuple, length taken", "return len(set((1, 2, 2)))")
row(BI, "setattr", "setattr() of an attribute of self", """
    setattr(self, "k", 5)
    return x * self.k
""", init="self.k = 1", after="net.k")
row(BI, "slice", "slice() object used as an index", "return (1, 2, 3, 4)[slice(1, 3)], x[slice(0, 1)]")
row(BI, "sorted", "sorted() of a tuple", "return sorted((3, 1, 2))")
row(BI, "sorted.reverse", "sorted() with reverse=True", "return sorted((3, 1, 2), reverse=True)")
row(BI, "sorted.key", "sorted() with key=", "return sorted((3, -1, 2), key=abs)")
row(BI, "sorted.dynamic_shape", "sorted() of a shape under dynamic shape", "return sorted(m.shape)", params="m",
    args="Tensor(np.ones((3, 2), np.float32))", dynamic=True)
row(BI, "sorted.tensor", "sorted() of the elements of a tensor", "return sorted(x * -1)")
row(BI, "staticmethod", "calling a @staticmethod through self (the decorator's use)", """
    return self.double(x)
""", prelude="""
    class Base(nn.Cell):
        @staticmethod
        def double(v):
            return v * 2
""", base="Base")
row(BI, "str", "str() of constants", "return str(12), str(1.5), str((1, 2)), str([1]), str(True), str(None)")
row(BI, "str.tensor", "str() of a runtime tensor", "return str(x)")
row(BI, "sum", "sum() of a tuple", "return sum((1, 2, 3))")
row(BI, "sum.start", "sum() with a positional start", "return sum((1, 2), 10)")
row(BI, "sum.start_keyword", "sum() with start=", "return sum((1, 2), start=10)")
row(BI, "sum.tensor", "sum() over the rows of a tensor", "return sum(x)")
row(BI, "sum.tensors", "sum() of a tuple of tensors", "return sum((x, x))")
row(BI, "super", "super().construct() of the base cell", """
    return super().construct(x) * 2
""", prelude="""
    class Base(nn.Cell):
        def construct(self, v):
            return v + 1
""", base="Base")
row(BI, "super.two_arguments", "super(Class, self).method()", """
    return super(Probe, self).double(x)
""", prelude="""
    class Base(nn.Cell):
        def double(self, v):
            return v * 2
""", base="Base")
row(BI, "tuple", "tuple() of a list", "return tuple([1, 2])")
row(BI, "tuple.tensor", "tuple() of a tensor", "return tuple(x)")
row(BI, "tuple.dict", "tuple() of a dict (keys)", "return tuple({'a': 1, 'b': 2})")
row(BI, "type", "type() of constants returned", "return type(1), type('a')")
row(BI, "type.compare", "type() compared with a class", "return type(1) == int, type(x) == Tensor")
row(BI, "type.three_arguments", "type(name, bases, dict) creating a class", "return x, type('Made', (), {}).__name__")
row(BI, "vars", "vars() of a plain object", "return x * vars(self.box)['k']", prelude="""
    class Box:
        def __init__(self):
            self.k = 2
""", init="self.box = Box()")
row(BI, "zip", "zip() of two tuples", "return tuple(zip((1, 2), (3, 4)))")
row(BI, "zip.strict", "zip() with strict=True", "return tuple(zip((1, 2), (3, 4), strict=True))")
row(BI, "zip.tensors", "zip() of two tensors in a for loop", """
    total = x * 0
    for a, b in zip(x, x):
        total = total + a * b
    return total
""")
row(BI, "zip.celllists", "zip() of a CellList and a tuple", """
    for layer, scale in zip(self.layers, (2, 3)):
        x = layer(x) * scale
    return x
""", init="self.layers = nn.CellList([nn.ReLU(), nn.ReLU()])")
row(BI, "Ellipsis", "Ellipsis by name in an index", "return x[Ellipsis]")
row(BI, "False", "False constant", "return x, False")
row(BI, "None", "None constant", "return x, None")
row(BI, "NotImplemented", "NotImplemented compared", "return x, NotImplemented is not None")
row(BI, "True", "True constant", "return x, True")
row(BI, "__build_class__", "class statement in construct (what __build_class__ runs)", """
    class Local:
        pass
    return x
""")
row(BI, "__debug__", "__debug__ read", "return x, __debug__")
row(BI, "__import__", "__import__() of a module", "return x * __import__('math').pi")

EXCEPTION_ARGUMENTS = {
    "UnicodeDecodeError": "'utf-8', b'x', 0, 1, 'bad'",
    "UnicodeEncodeError": "'ascii', 'x', 0, 1, 'bad'",
    "UnicodeTranslateError": "'x', 0, 1, 'bad'",
    "ExceptionGroup": "'boom', [ValueError('v')]",
    "BaseExceptionGroup": "'boom', [ValueError('v')]",
}
for _name in sorted(dir(builtins)):
    _value = getattr(builtins, _name)
    if isinstance(_value, type) and issubclass(_value, BaseException):
        row(BI, _name, f"raise {_name}(...)", f"raise {_name}({EXCEPTION_ARGUMENTS.get(_name, repr('boom'))})", raises=True)


# ---------------------------------------------------------------- methods of list, tuple, dict and str

MT = "methods"
LIST_CALLS = {  # method -> (call on a local list [3, 1, 2], construct)
    "append": ("items.append(4)", "list.append(value)"),
    "clear": ("items.clear()", "list.clear()"),
    "copy": ("items.copy()", "list.copy()"),
    "count": ("items.count(1)", "list.count(value)"),
    "extend": ("items.extend((4, 5))", "list.extend(tuple)"),
    "index": ("items.index(2)", "list.index(value)"),
    "insert": ("items.insert(1, 9)", "list.insert(index, value)"),
    "pop": ("items.pop()", "list.pop()"),
    "remove": ("items.remove(1)", "list.remove(value)"),
    "reverse": ("items.reverse()", "list.reverse()"),
    "sort": ("items.sort()", "list.sort()"),
}
for _method, (_call, _construct) in LIST_CALLS.items():
    row(MT, f"list.{_method}", f"{_construct} on a local list", f"""
        items = [3, 1, 2]
        result = {_call}
        return items, result
    """)
row(MT, "list.append.tensor", "list.append(tensor) on a local list", """
    items = [x]
    items.append(x * 2)
    return items
""")
row(MT, "list.copy.independent", "list.copy() then appending to the copy", """
    items = [3, 1, 2]
    other = items.copy()
    other.append(4)
    return items, other
""")
row(MT, "list.extend.tensor", "list.extend(tensor) on a local list", """
    items = [x[0]]
    items.extend(x)
    return items
""")
row(MT, "list.index.start", "list.index(value, start)", """
    return [3, 1, 3].index(3, 1)
""")
row(MT, "list.insert.negative", "list.insert(negative index, value)", """
    items = [3, 1, 2]
    items.insert(-1, 9)
    return items
""")
row(MT, "list.pop.index", "list.pop(index)", """
    items = [3, 1, 2]
    result = items.pop(0)
    return items, result
""")
row(MT, "list.pop.variable_index", "list.pop(index computed from a tensor)", """
    items = [3, 1, 2]
    result = items.pop(int(x[0]))
    return items, result
""")
row(MT, "list.sort.reverse", "list.sort(reverse=True)", """
    items = [3, 1, 2]
    items.sort(reverse=True)
    return items
""")
row(MT, "list.sort.key", "list.sort(key=...)", """
    items = [3, -1, 2]
    items.sort(key=abs)
    return items
""")
LIST_MUTATIONS = {"append": "append(4)", "clear": "clear()", "extend": "extend((4, 5))", "insert": "insert(0, 9)",
                  "pop": "pop()", "remove": "remove(1)", "reverse": "reverse()", "sort": "sort()"}
for _method, _call in LIST_MUTATIONS.items():  # two calls each: the list holds 1 twice so remove(1) works twice
    row(MT, f"list.{_method}.attribute", f"list.{_method}() on a list attribute of self (state kept?)", f"""
        self.items.{_call}
        return x, self.items
    """, init="self.items = [3, 1, 2, 1]", after="net.items")
    row(MT, f"list.{_method}.global", f"list.{_method}() on a module-level list (state kept?)", f"""
        ITEMS.{_call}
        return x, ITEMS
    """, prelude="ITEMS = [3, 1, 2, 1]", after="ITEMS")
    row(MT, f"list.{_method}.argument", f"list.{_method}() on a list passed to construct (caller sees it?)", f"""
        items.{_call}
        return x, items
    """, params="x, items", args="X(), ARGUMENT", prelude="ARGUMENT = [3, 1, 2, 1]", after="ARGUMENT")

row(MT, "tuple.count", "tuple.count(value)", "return (3, 1, 3).count(3)")
row(MT, "tuple.index", "tuple.index(value)", "return (3, 1, 2).index(2)")
row(MT, "tuple.index.tensor_elements", "tuple.index(tensor) on a tuple of single-element tensors", """
    return (x[0], x[1]).index(x[1])
""")

DICT_CALLS = {  # method -> (call on a local dict {"a": 1, "b": 2}, construct)
    "clear": ("table.clear()", "dict.clear()"),
    "copy": ("tuple(table.copy().items())", "dict.copy()"),
    "fromkeys": ("tuple(dict.fromkeys(('x', 'y'), 0).items())", "dict.fromkeys(keys, value)"),
    "get": ("table.get('a')", "dict.get(key)"),
    "items": ("table.items()", "dict.items()"),
    "keys": ("table.keys()", "dict.keys()"),
    "pop": ("table.pop('a')", "dict.pop(key)"),
    "popitem": ("table.popitem()", "dict.popitem()"),
    "setdefault": ("table.setdefault('c', 3)", "dict.setdefault(key, value)"),
    "update": ("table.update({'c': 3})", "dict.update(dict)"),
    "values": ("table.values()", "dict.values()"),
}
for _method, (_call, _construct) in DICT_CALLS.items():
    row(MT, f"dict.{_method}", f"{_construct} on a local dict", f"""
        table = {{"a": 1, "b": 2}}
        result = {_call}
        return tuple(table.keys()), tuple(table.values()), result
    """)
row(MT, "dict.get.default", "dict.get(missing key, default)", """
    return {"a": 1}.get("b", 5)
""")
row(MT, "dict.get.tensor_value", "dict.get(key) of a tensor value", """
    return {"a": x}.get("a") * 2
""")
row(MT, "dict.pop.default", "dict.pop(missing key, default)", """
    table = {"a": 1}
    return table.pop("b", 5), len(table)
""")
row(MT, "dict.update.keywords", "dict.update(key=value)", """
    table = {"a": 1}
    table.update(b=2)
    return tuple(table.keys())
""")
row(MT, "dict.items.loop", "for key, value in dict.items()", """
    total = x
    for key, value in {"a": 1, "b": 2}.items():
        total = total + value
    return total
""")
row(MT, "dict.has_key", "dict.has_key(key) (Python 2; AttributeError in Python 3)", """
    return {"a": 1}.has_key("a")
""", raises=True)
DICT_MUTATIONS = {"clear": "clear()", "pop": "pop('a', 0)", "popitem": "popitem()", "setdefault": "setdefault('c', 3)",
                  "update": "update({'c': 3})"}
for _method, _call in DICT_MUTATIONS.items():
    row(MT, f"dict.{_method}.attribute", f"dict.{_method}() on a dict attribute of self (state kept?)", f"""
        self.table.{_call}
        return x, tuple(self.table.keys())
    """, init="self.table = {'a': 1, 'b': 2, 'd': 4}", after="net.table")
    row(MT, f"dict.{_method}.global", f"dict.{_method}() on a module-level dict (state kept?)", f"""
        TABLE.{_call}
        return x, tuple(TABLE.keys())
    """, prelude="TABLE = {'a': 1, 'b': 2, 'd': 4}", after="TABLE")

STR_CALLS = {  # method -> call on a str constant
    "capitalize": "'ab'.capitalize()", "casefold": "'AB'.casefold()", "center": "'ab'.center(6, '*')",
    "count": "'abab'.count('a')", "encode": "'ab'.encode()", "endswith": "'abc'.endswith('c')",
    "expandtabs": "'a\\tb'.expandtabs(4)", "find": "'abc'.find('c')", "format": "'{}-{}'.format(1, 'a')",
    "format_map": "'{k}'.format_map({'k': 1})", "index": "'abc'.index('b')", "isalnum": "'a1'.isalnum()",
    "isalpha": "'ab'.isalpha()", "isascii": "'ab'.isascii()", "isdecimal": "'12'.isdecimal()",
    "isdigit": "'12'.isdigit()", "isidentifier": "'a_1'.isidentifier()", "islower": "'ab'.islower()",
    "isnumeric": "'12'.isnumeric()", "isprintable": "'ab'.isprintable()", "isspace": "' '.isspace()",
    "istitle": "'Ab'.istitle()", "isupper": "'AB'.isupper()", "join": "'-'.join(('a', 'b'))",
    "ljust": "'ab'.ljust(4, '*')", "lower": "'AB'.lower()", "lstrip": "'  ab'.lstrip()",
    "maketrans": "str.maketrans('a', 'b')", "partition": "'a-b'.partition('-')",
    "removeprefix": "'abc'.removeprefix('a')", "removesuffix": "'abc'.removesuffix('c')",
    "replace": "'a_b'.replace('_', '-')", "rfind": "'abab'.rfind('a')", "rindex": "'abab'.rindex('a')",
    "rjust": "'ab'.rjust(4, '*')", "rpartition": "'a-b-c'.rpartition('-')", "rsplit": "'a b c'.rsplit(' ', 1)",
    "rstrip": "'ab  '.rstrip()", "split": "'a b c'.split()", "splitlines": "'a\\nb'.splitlines()",
    "startswith": "'abc'.startswith('a')", "strip": "'  ab  '.strip()", "swapcase": "'aB'.swapcase()",
    "title": "'ab cd'.title()", "translate": "'abc'.translate({97: 'x'})", "upper": "'ab'.upper()",
    "zfill": "'7'.zfill(3)",
}
for _method, _call in STR_CALLS.items():
    row(MT, f"str.{_method}", f"str.{_method}() on a constant", f"return {_call}")
row(MT, "str.format.tensor", "str.format() of a runtime tensor", "return 'value {}'.format(x)")
row(MT, "str.format.tuple_float_bool", "str.format() of a tuple, a float and a bool", "return '{} {} {}'.format((2,), 1.0, True)")
row(MT, "str.format.keywords", "str.format() with keyword fields and a format spec", "return '{a:.2f}'.format(a=1.5)")
row(MT, "str.join.list", "str.join() of a list", "return ', '.join(['a', 'b'])")
row(MT, "str.split.maxsplit", "str.split(sep, maxsplit=)", "return 'a,b,c'.split(',', maxsplit=1)")
row(MT, "str.percent", "str % tuple formatting", "return 'v=%s, %d' % ((2,), 3)")
row(MT, "str.lower.attribute", "str method on a str attribute of self", "return x, self.mode.upper()", init="self.mode = 'train'")


# ---------------------------------------------------------------- operators

OP = "operators"
OPERANDS = {  # kind -> (left operand, right operand); tensors are the construct inputs x and y
    "number": ("3", "2"), "bool": ("True", "False"), "tensor": ("x", "y"), "tuple": ("(1, 2)", "(3, 4)"),
    "list": ("[1, 2]", "[3, 4]"), "string": ("'ab'", "'cd'"), "none": ("None", "None"),
    "dict": ("{'a': 1}", "{'b': 2}"), "mstype": ("x.dtype", "ms.float32"), "booltensor": ("b", "True"),
}
TENSOR_ARGUMENTS = {"float": "X(), Y()", "int": "I(), J()", "matrix": "M(), M()", "bool": "B(), Y()"}
DOCUMENTED_PAIRS = {  # the pairs operators.md lists (without COOTensor/CSRTensor), then undocumented extras
    "arithmetic8": ["number_number", "tensor_tensor", "number_tensor", "tensor_number", "tuple_tensor", "tensor_tuple",
                    "list_tensor", "tensor_list"],
    "bitwise4": ["number_number", "tensor_tensor", "number_tensor", "tensor_number"],
}
BINARY = {  # name -> (symbol, tensor inputs, pairs)
    "add": ("+", "float", DOCUMENTED_PAIRS["arithmetic8"] + ["string_string", "list_list", "tuple_tuple", "bool_bool",
                                                              "booltensor_bool"]),
    "sub": ("-", "float", DOCUMENTED_PAIRS["arithmetic8"] + ["bool_bool"]),
    "mul": ("*", "float", DOCUMENTED_PAIRS["arithmetic8"] + ["list_number", "number_list", "tuple_number", "number_tuple",
                                                              "string_number"]),
    "truediv": ("/", "float", DOCUMENTED_PAIRS["arithmetic8"]),
    "mod": ("%", "float", DOCUMENTED_PAIRS["arithmetic8"] + ["string_tuple"]),
    "pow": ("**", "float", DOCUMENTED_PAIRS["arithmetic8"]),
    "floordiv": ("//", "float", DOCUMENTED_PAIRS["arithmetic8"]),
    "and_": ("&", "int", DOCUMENTED_PAIRS["bitwise4"]),
    "or_": ("|", "int", DOCUMENTED_PAIRS["bitwise4"] + ["dict_dict"]),
    "xor": ("^", "int", DOCUMENTED_PAIRS["bitwise4"]),
    "lshift": ("<<", "int", ["number_number", "tensor_number"]),
    "rshift": (">>", "int", ["number_number", "tensor_number"]),
    "matmul": ("@", "matrix", ["tensor_tensor"]),
}
PYNATIVE_TYPE_ERRORS = {  # tensor/sequence pairs the docs list for graph mode that PyNative 2.10 rejects
    *(f"{op}.{pair}" for op in ("mul", "imul", "truediv", "itruediv", "mod", "imod")
      for pair in ("tuple_tensor", "tensor_tuple", "list_tensor", "tensor_list")),
    *(f"{op}.{pair}" for op in ("pow", "ipow") for pair in ("tensor_tuple", "tensor_list")),
    "iadd.tensor_tuple", "iadd.tensor_list", "ifloordiv.tensor_tuple", "ifloordiv.tensor_list",
    *(f"{op}.number_tensor" for op in ("and_", "iand_", "or_", "ior_", "xor", "ixor")),
    *(f"{op}.tensor_number" for op in ("lshift", "ilshift", "rshift", "irshift")),
}
SPECIAL_RIGHT = {"string_tuple": ("'%s-%s'", "(1, 2)"), "string_number": ("'ab'", "2"), "booltensor_bool": ("b", "True")}


def _operands(pair: str) -> tuple[str, str]:
    if pair in SPECIAL_RIGHT:
        return SPECIAL_RIGHT[pair]
    left, right = pair.split("_")
    return OPERANDS[left][0], OPERANDS[right][1]


def _tensor_inputs(pair: str, inputs: str) -> dict[str, str]:
    if "booltensor" in pair:
        return {"params": "b, y", "args": TENSOR_ARGUMENTS["bool"]}
    return {"params": "x, y", "args": TENSOR_ARGUMENTS[inputs]}


for _name, (_symbol, _inputs, _pairs) in BINARY.items():
    for _pair in _pairs:
        _left, _right = _operands(_pair)
        _kinds = " and ".join(_pair.split("_"))
        row(OP, f"{_name}.{_pair}", f"{_left} {_symbol} {_right} ({_kinds})", f"return {_left} {_symbol} {_right}",
            raises=f"{_name}.{_pair}" in PYNATIVE_TYPE_ERRORS, **_tensor_inputs(_pair, _inputs))
        augmented = _symbol + "="
        row(OP, f"i{_name}.{_pair}", f"value {augmented} {_right} where value = {_left} ({_kinds})", f"""
            value = {_left}
            value {augmented} {_right}
            return value
        """, raises=f"i{_name}.{_pair}" in PYNATIVE_TYPE_ERRORS, **_tensor_inputs(_pair, _inputs))

ATTRIBUTE_AUGMENTED = {  # id -> (__init__ line, statement)
    "iadd.tuple_attribute": ("self.pair = (1, 2)", "self.pair += (3,)"),
    "iadd.list_attribute": ("self.items = [1, 2]", "self.items += [3]"),
    "imul.list_attribute": ("self.items = [1, 2]", "self.items *= 2"),
    "iadd.int_attribute": ("self.count = 1", "self.count += 1"),
    "iadd.tensor_attribute": ("self.cache = Tensor(np.zeros(2, np.float32))", "self.cache += x"),
    "iadd.parameter_attribute": ("self.w = Parameter(Tensor(np.zeros(2, np.float32)), name='w')", "self.w += x"),
}
for _id, (_init, _statement) in ATTRIBUTE_AUGMENTED.items():
    _attribute = _statement.split()[0]
    row(OP, _id, f"{_statement} (augmented assignment on an attribute; state kept?)", f"""
        {_statement}
        return x, {_attribute}
    """, init=_init, after=_attribute.replace("self.", "net."))
row(OP, "iadd.list_item", "items[0] += value on a local list", """
    items = [1, 2]
    items[0] += 5
    return items
""")
row(OP, "iadd.tensor_item", "y[0] += value on a local tensor", """
    y = x * 1
    y[0] += 5
    return y
""")
row(OP, "iadd.input_tensor", "x += value on a construct input (caller's tensor changed?)", """
    x += 1
    return x
""", params="x", args="ARGUMENT", prelude="ARGUMENT = Tensor(np.array([1.0, 2.0], np.float32))", after="ARGUMENT")

for _symbol, _name in (("and", "and"), ("or", "or")):
    for _kind, (_left, _right) in {"string": ("''", "'b'"), "number": ("0", "2"), "tuple": ("()", "(2,)"),
                                   "list": ("[1]", "[2]"), "dict": ("{'a': 1}", "{'b': 2}"), "none": ("None", "3"),
                                   "tensor": ("(x[0] > 1)", "(x[1] > 1)"), "tensor_number": ("(x[0] > 1)", "3")}.items():
        _expression = f"{_left} {_symbol} {_right}"  # a dict result is returned as its items: STRICT returns dicts as values
        row(OP, f"{_name}.{_kind}", _expression,
            f"return tuple(({_expression}).items())" if _kind == "dict" else f"return {_expression}")
for _kind, _operand in {"number": "0", "tuple": "()", "list": "[1]", "tensor": "(x[0] > 1)", "string": "''",
                        "dict": "{}", "none": "None", "multi_element_tensor_bool": "x.all()"}.items():
    row(OP, f"not.{_kind}", f"not {_operand}", f"return not {_operand}")
for _name, (_symbol, _operand, _params, _args) in {
    "pos.number": ("+", "3", "x", "X()"), "pos.tensor": ("+", "x", "x", "X()"),
    "neg.number": ("-", "3", "x", "X()"), "neg.tensor": ("-", "x", "x", "X()"),
    "invert.booltensor": ("~", "b", "b", "B()"), "invert.inttensor": ("~", "i", "i", "I()"),
    "invert.number": ("~", "3", "x", "X()"),
}.items():
    row(OP, _name, f"{_symbol}{_operand}", f"return {_symbol}{_operand}", params=_params, args=_args)

MEMBERSHIP = {  # pair -> (element, container)
    "number_tuple": ("2", "(1, 2)"), "string_tuple": ("'a'", "('a', 'b')"), "tensor_tuple": ("x[0]", "(1.0, 5.0)"),
    "number_list": ("2", "[1, 2]"), "string_list": ("'a'", "['a', 'b']"), "tensor_list": ("x[0]", "[1.0, 5.0]"),
    "string_dict": ("'a'", "{'a': 1}"), "number_dict": ("1", "{1: 'a'}"), "string_string": ("'a'", "'abc'"),
    "number_tensor": ("2", "x"),
}
for _pair, (_element, _container) in MEMBERSHIP.items():
    for _name, _symbol in (("in", "in"), ("not_in", "not in")):
        row(OP, f"{_name}.{_pair}", f"{_element} {_symbol} {_container}", f"return {_element} {_symbol} {_container}")
for _name, _symbol in (("is", "is"), ("is_not", "is not")):
    for _kind, _value in (("none", "None"), ("true", "True"), ("false", "False")):
        row(OP, f"{_name}.{_kind}", f"value {_symbol} {_value} (value = self.option)", f"return x, self.option {_symbol} {_value}",
            init="self.option = None")
    row(OP, f"{_name}.type", f"type(v) {_symbol} int", f"return x, type(3) {_symbol} int")
    row(OP, f"{_name}.tuple", f"a {_symbol} b with tuples", f"""
        pair = (1, 2)
        other = pair
        return pair {_symbol} other
    """)

ORDERED = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}
EQUALITY = {"eq": "==", "ne": "!="}
COMPARED = {  # pair -> (left, right)
    "number_number": ("3", "2"), "number_tensor": ("3", "x"), "tensor_tensor": ("x", "y"), "tensor_number": ("x", "2"),
    "bool_bool": ("True", "False"), "string_string": ("'a'", "'b'"), "tuple_tuple": ("(1, 2)", "(1, 3)"),
    "list_list": ("[1, 2]", "[1, 3]"),
}
EQUALITY_ONLY = {
    "mstype_mstype": ("x.dtype", "ms.float32"), "bool_number": ("True", "1"), "tuple_none": ("(1, 2)", "None"),
    "tensor_none": ("x", "None"), "mstype_none": ("x.dtype", "None"), "dict_dict": ("{'a': 1}", "{'a': 1}"),
}
for _name, _symbol in {**ORDERED, **EQUALITY}.items():
    for _pair, (_left, _right) in {**COMPARED, **(EQUALITY_ONLY if _name in EQUALITY else {})}.items():
        row(OP, f"{_name}.{_pair}", f"{_left} {_symbol} {_right}", f"return {_left} {_symbol} {_right}",
            params="x, y", args="X(), Y()")
for _name, _symbol in (("eq", "=="), ("lt", "<")):
    row(OP, f"{_name}.booltensor_bool", f"b {_symbol} True with a bool tensor b", f"return b {_symbol} True", params="b", args="B()")
row(OP, "chained.numbers", "1 < 2 <= 2 (chained comparison of constants)", "return x, 1 < 2 <= 2")
row(OP, "chained.tensor", "x[0] < x[1] < 5 (chained comparison of tensor scalars)", "return x[0] < x[1] < 5")


# ---------------------------------------------------------------- more rows for statements of the docs pages

row(S, "Global.list_returned", "module-level list returned from construct (same object as the global?)", """
    return ITEMS
""", prelude="ITEMS = [1, 2]", after="net(X()) is ITEMS")
row(S, "Global.read_changed", "module global changed between two calls", "return x * SCALE", prelude="SCALE = 2",
    between="globals()['SCALE'] = 5")
row(S, "Assign.attribute_changed_outside", "attribute of the cell changed outside the graph between two calls", """
    return x * self.scale
""", init="self.scale = 2", between="net.scale = 5")
row(S, "Assign.list_argument_item", "item assignment on a list passed to construct (caller sees it?)", """
    items[0] = 7
    return x, items
""", params="x, items", args="X(), ARGUMENT", prelude="ARGUMENT = [1, 2]", after="ARGUMENT")
row(S, "Assign.numpy_item", "item assignment on a numpy array created in construct", """
    values = np.array([1.0, 2.0])
    values[0] = 5.0
    return Tensor(values)
""")
row(S, "Assign.jit_class_attribute", "attribute set on a @ms.jit_class object", """
    self.box.value = 7
    return x * self.box.value
""", prelude="""
    @ms.jit_class
    class Box:
        def __init__(self):
            self.value = 1
""", init="self.box = Box()", after="net.box.value")
row(S, "FunctionDef.construct_none_default", "construct parameter defaulting to None, not passed", """
    if y is None:
        return x
    return x + y
""", params="x, y=None")
row(S, "If.numpy_condition", "if on a numpy value computed from a tensor", """
    if x.asnumpy()[0] > 0:
        return x * 2
    return x
""")
row(S, "For.list", "for over a list", """
    total = x
    for k in [1, 2]:
        total = total + k
    return total
""")
row(E, "List.argument", "list passed to construct and indexed", "return x * items[1]", params="x, items", args="X(), [2, 3]")
row(E, "Dict.nested_values", "dict values of type Number, Tuple, Tensor, List and Dict", """
    table = {"n": 1, "t": (2, 3), "x": x, "l": [4], "d": {"k": 5}}
    return table["x"] * table["n"] + table["t"][1] + table["l"][0] + table["d"]["k"]
""")
row(E, "Dict.constant_tensor_key", "dict display with a constant tensor key", """
    key = Tensor(1)
    table = {key: 2}
    return x * table[key]
""")
row(E, "Subscript.nested", "multi-level subscript of nested tuples and lists", """
    return ((1, (2, 3)), [4, [5]])[0][1][1], [[x]][0][0]
""")
row(E, "Subscript.tuple_int64_tensor_index", "tuple of cells indexed by an int64 scalar tensor", """
    return self.branches[index](x)
""", init="self.branches = (nn.ReLU(), nn.Sigmoid())", params="x, index", args="X(), Tensor(1, ms.int64)")
row(E, "Subscript.list_variable_int_index", "list subscript with an int computed from a tensor", """
    return [x, x * 2, x * 3][int(x[0])]
""")
row(E, "Slice.str", "str slicing", "return 'abcd'[1:3]")
row(E, "Call.tensor_created", "ms.tensor() and Tensor() created from constants in construct", """
    return ms.tensor([1, 2], ms.float32) + Tensor([3.0, 4.0])
""")
row(E, "Call.cell_created_attribute", "attribute of a Cell created inside construct", """
    dense = nn.Dense(2, 3)
    return x, dense.in_channels
""")
row(E, "Call.ops_partial_keywords", "ops.partial fixing a keyword argument of a Python function", """
    add_ = ops.partial(add, a=x)
    return add_(b=2)
""", prelude="""
    def add(a, b):
        return a + b
""", raises=True, note="the docs' example form; PyNative's ops.partial rejects keyword arguments (TypeError)")
row(E, "Call.fallback_tensor_dtype", "dtype of a tensor created from numpy at run time (JIT Fallback)", """
    return (Tensor(x.asnumpy()) + 1).dtype
""")
row(E, "Call.fallback_tensor_annotated", "the same with a '# @jit.typing' annotation of the result type", """
    y = Tensor(x.asnumpy())  # @jit.typing: () -> tensor_type[float32]
    return (y + 1).dtype
""")
row(OP, "add.ndarray_ndarray", "x.asnumpy() + y.asnumpy() (numpy operands)", "return Tensor(x.asnumpy() + y.asnumpy())",
    params="x, y", args="X(), Y()")
row(OP, "in.tuple_tuple", "(1, 2) in ((1, 2), (3, 4))", "return (1, 2) in ((1, 2), (3, 4))")
row(BI, "abs.complex", "abs() of a complex number", "return x * abs(complex(3, 4))")
row(BI, "all.dict", "all() and any() of a dict", "return all({'a': 1, '': 2}), any({'': 1})")
row(BI, "getattr.ndarray", "getattr() of a numpy array made from a tensor", "return getattr(x.asnumpy(), 'shape')")
row(BI, "hasattr.ndarray", "hasattr() of a numpy array made from a tensor", "return hasattr(x.asnumpy(), '__len__')")
row(BI, "len.ndarray", "len() of a numpy array made from a tensor", "return len(x.asnumpy())")
row(BI, "isinstance.ndarray", "isinstance() of a numpy array made from a tensor", "return isinstance(x.asnumpy(), np.ndarray)")
row(BI, "round.custom", "round() of an object defining __round__", "return x * round(self.value)", prelude="""
    class Value:
        def __round__(self, digits=None):
            return 3
""", init="self.value = Value()")
row(BI, "round.none_digits", "round() with digits None", "return round(2.5, None), round(3.7, None)")
row(BI, "min.dict", "min() of a dict (smallest key)", "return min({'a': 1, 'b': 2})")
row(BI, "sum.list", "sum() of a list", "return sum([1, 2, 3])")
row(BI, "map.lists", "map() over lists", "return list(map(lambda a, b: a * b, [1, 2], [3, 4]))")
row(BI, "zip.lists", "zip() of lists", "return list(zip([1, 2], [3, 4]))")
row(BI, "enumerate.list", "enumerate() of a list", "return list(enumerate([5, 6]))")
row(BI, "filter.list", "filter() over a list", "return list(filter(lambda v: v > 1, [1, 2, 3]))")
row(BI, "pow.tensors", "pow() of two tensors", "return pow(x, y)", params="x, y", args="X(), Y()")
row(BI, "print.ndarray", "print() of a numpy array made from a tensor", """
    print(x.asnumpy())
    return x
""")
row(BI, "type.containers", "type() of a list, a tuple and a dict", "return type([1]), type((1,)), type({'a': 1})")
row(BI, "type.ndarray", "type() of a numpy array", "return x, type(np.array([1, 2]))")
row(BI, "type.constant_tensor", "type() of a constant tensor", "return type(Tensor(1.0))")
row(BI, "str.containers", "str() of a list, a dict and a constant tensor", "return str([1, 'a']), str({'a': 1}), str(Tensor(1))")
row(BI, "bool.containers", "bool() of a list, a tuple and a dict with items", "return bool([0]), bool((0,)), bool({'a': 0})")
row(BI, "tuple.tensor_2d", "tuple() of a 2-D tensor (split along dimension 0)", "return tuple(m)", params="m", args="M()")
row(BI, "float.ndarray", "int() and float() of a numpy value made from a tensor", "return int(x.asnumpy()[1]), float(x.asnumpy()[0])")
row(E, "Call.jit_class_call", "calling a @ms.jit_class instance whose class defines __call__", """
    return self.helper(x)
""", prelude="""
    @ms.jit_class
    class Helper:
        def __call__(self, v):
            return v * 2
""", init="self.helper = Helper()")
row(E, "Attribute.jit_class_by_class_name", "class attribute and static method of a @ms.jit_class read through the class name", """
    return x * Helper.k + Helper.double(1)
""", prelude="""
    @ms.jit_class
    class Helper:
        k = 3

        @staticmethod
        def double(v):
            return v * 2
""")
row(E, "Call.jit_class_nested", "@ms.jit_class instance holding another @ms.jit_class instance and a Cell", """
    return self.outer.inner.scale(self.outer.act(x))
""", prelude="""
    @ms.jit_class
    class Inner:
        def scale(self, v):
            return v * 2


    @ms.jit_class
    class Outer:
        def __init__(self):
            self.inner = Inner()
            self.act = nn.ReLU()
""", init="self.outer = Outer()")
row(E, "Call.hypermap", "ops.HyperMap applying a function over a tuple", """
    return ops.HyperMap()(ops.square, (x, x))
""")
row(E, "Call.vmap", "ms.vmap of a module function inside construct", """
    return ms.vmap(double)(m)
""", prelude="""
    def double(row):
        return row * 2
""", params="m", args="M()")
row(E, "Call.depend", "ops.depend ordering a side effect", """
    y = ops.depend(x * 2, x)
    return y
""")
row(E, "Call.select", "ops.select instead of a tensor if", """
    return ops.select(x > 1, x * 2, x * 3)
""")


# ---------------------------------------------------------------- rows the graph rules rely on (issue 26)
# Kinds that users report and the rules of mslint/rules/graph claim: nested defaults, context managers of MindSpore,
# attributes of Parameters and Primitives, set_train in construct, joins in loops and conditional expressions,
# containers the graph copies (aliases, helpers, closures), and values frozen at compile time.

row(S, "FunctionDef.default_runtime_local", "nested def whose default value refers to a local computed from an input", """
    k = x * 2
    def scale(v, factor=k):
        return v * factor
    return scale(x)
""")
row(S, "FunctionDef.default_shape_local", "nested def whose default value refers to a local computed from a shape", """
    n = x.shape[0]
    def scale(v, factor=n):
        return v * factor
    return scale(x)
""")
row(S, "With.mindspore_no_grad", "with ms._no_grad() (a MindSpore context manager, not a jit_class)", """
    with ms._no_grad():
        y = x * 2
    return y
""")
# Attributes Parameter has and Tensor has not (mindspore.common.parameter); the Tensor ones work (tensor_attributes).
PARAMETER_ATTRIBUTES = ("name", "requires_grad", "layerwise_parallel", "sliced", "key", "is_init", "param_info", "comm_fusion",
                        "parallel_optimizer", "parallel_optimizer_comm_recompute", "cache_enable", "cache_shape", "inited_param")
for _attribute in PARAMETER_ATTRIBUTES:
    row(E, f"Attribute.parameter_{_attribute}", f"{_attribute} of a Parameter of self", f"return x * self.w, str(self.w.{_attribute})",
        init="self.w = Parameter(Tensor(np.ones(2, np.float32)), name='w')")
row(E, "Attribute.parameter_requires_grad.condition", "requires_grad of a Parameter of self as an if condition", """
    if self.w.requires_grad:
        return x * self.w
    return x
""", init="self.w = Parameter(Tensor(np.ones(2, np.float32)), name='w')")
row(E, "Attribute.parameter_tensor_attributes", "shape, dtype, ndim and size of a Parameter of self", """
    return x * self.w, self.w.shape, self.w.ndim, self.w.size
""", init="self.w = Parameter(Tensor(np.ones(2, np.float32)), name='w')")
for _attribute in ("attrs", "instance_name", "init_attrs"):
    row(E, f"Attribute.primitive_{_attribute}", f"{_attribute} of a Primitive instance", f"return self.op(x), str(self.op.{_attribute})",
        init="self.op = ops.ReLU()")
row(E, "Attribute.primitive_method", "a method of a Primitive instance (add_prim_attr)", """
    self.op.add_prim_attr("primitive_target", "CPU")
    return self.op(x)
""", init="self.op = ops.ReLU()")
row(S, "Expr.set_train", "self.set_train(False) in construct (the BatchNorm of a training net)", """
    self.set_train(False)
    return self.norm(m)
""", init="self.norm = nn.BatchNorm1d(2)\nself.set_train(True)", params="m",
    args="Tensor(np.array([[1.0, 2.0], [3.0, 5.0]], np.float32))", after="net.training")
row(S, "Expr.set_grad", "self.set_grad(False) in construct", """
    self.set_grad(False)
    return x * 2
""", after="net.requires_grad")
row(S, "While.none_reassigned", "variable set to None, reassigned a Tensor in a tensor-condition while loop", """
    y = None
    while x.sum() < 20:
        x = x * 2
        y = x
    return y
""")
row(S, "While.grows_by_concat", "tensor-condition while loop concatenating a tensor to itself", """
    y = x
    while y.sum() < 20:
        y = ops.concat((y, x))
    return y
""")
row(S, "While.shape_condition_concat", "while on a shape condition concatenating a tensor to itself", """
    y = x
    while y.shape[0] < 8:
        y = ops.concat((y, y))
    return y
""")
row(E, "IfExp.branch_type_mismatch", "conditional expression on a tensor condition with a tensor and a number arm", """
    return x * 2 if x.sum() > 0 else 0
""")
row(MT, "list.append.closure", "list.append() in a nested def on a list of construct", """
    out = []
    def add(v):
        out.append(v)
    add(x)
    add(x * 2)
    return len(out)
""")
row(MT, "list.append.helper", "list.append() in a helper on the list its caller passed", """
    out = []
    fill(out, x)
    return len(out)
""", prelude="""
    def fill(items, value):
        items.append(value)
""")
row(S, "Assign.dict_helper_item", "item assignment in a helper on the dict its caller passed", """
    table = {'a': x}
    put(table, x * 2)
    return len(table)
""", prelude="""
    def put(table, value):
        table['b'] = value
""")
row(S, "Assign.list_alias_item", "b = a; b[0] = value, then reading a", """
    a = [1, 2]
    b = a
    b[0] = 9
    return x * a[0]
""")
row(MT, "list.append.alias", "b = a; b.append(value), then reading a", """
    a = [x]
    b = a
    b.append(x * 2)
    return len(a)
""")
row(S, "Assign.class_attribute_changed_outside", "class attribute changed on the class between two calls", """
    return x * self.scale
""", prelude="""
    class Base(nn.Cell):
        scale = 2
""", base="Base", between="Probe.scale = 3")
row(S, "Assign.global_dict_item_changed_outside", "item of a module-level dict changed between two calls", """
    return x * CFG['t']
""", prelude="CFG = {'t': 2}", between="CFG['t'] = 4")
row(S, "Assign.dict_attribute_item_changed_outside", "item of a dict attribute changed between two calls", """
    return x * self.cfg['scale']
""", init="self.cfg = {'scale': 2}", between="net.cfg['scale'] = 3")
row(S, "Assign.numpy_attribute_changed_outside", "numpy array attribute edited in place between two calls", """
    return x * Tensor(self.table)
""", init="self.table = np.array([2.0, 2.0], np.float32)", between="net.table[0] = 5.0")
row(MT, "list.append.attribute_outside", "list.append() on a list attribute between two calls", """
    return x * len(self.items)
""", init="self.items = [1.0]", between="net.items.append(2.0)")
row(MT, "list.append.global_outside", "list.append() on a module-level list between two calls", """
    return x * len(ITEMS)
""", prelude="ITEMS = [1.0]", between="ITEMS.append(2.0)")
