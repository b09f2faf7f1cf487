"""Verified GRAPH_MODE facts for MindSpore 2.10.0: one record per mslint graph rule.

Every record has a card folder ``mslint/rules/<family>/cards/<symbol>/`` (``bad.py``/``good.py``)
that ``tests/oracle/test_graph_cards.py`` runs under MindSpore to prove ``kind``,
``levels`` and ``raises``. Probe ids (``p01_...``, ``j13_...``) refer to
``/work/shared/reference/graph_mode_facts.md``; "card" means the oracle run of
the card itself (MindSpore 2.10.0, CPU, Python 3.11); ``not_flagged/<x>.py`` are
probes in ``tests/oracle/not_flagged/``, run by the same oracle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from astroid import nodes

from mslint.core.positions import SourceText
from mslint.core.tomlcompat import tomllib
from mslint.engine.context import Span
from mslint.knowledge import data_text
from mslint.rules.graph import matchers as match
from mslint.rules.graph import table
from mslint.rules.graph.matchers import Matcher

Kind = Literal["compile-error", "diverges", "slow-dynamic"]
LEVELS: tuple[str, ...] = ("strict", "compatible", "lax")

ALL = frozenset(LEVELS)
STRICTISH = frozenset({"strict", "compatible"})  # COMPATIBLE behaves like STRICT here
STRICT_ONLY = frozenset({"strict"})  # COMPATIBLE behaves like LAX here (p31, p45r)

SG = "https://www.mindspore.cn/tutorials/en/r2.10.0/compile/static_graph.html"
ST = "https://www.mindspore.cn/tutorials/en/r2.10.0/compile/statements.html"
BI = "https://www.mindspore.cn/tutorials/en/r2.10.0/compile/python_builtin_functions.html"
FAQ = "https://www.mindspore.cn/docs/en/r2.10.0/faq/network_compilation.html"
DS = "https://www.mindspore.cn/tutorials/en/r2.10.0/compile/dynamic_shape.html"


@dataclass(frozen=True)
class GraphFact:
    """One graph-mode rule, as verified on MindSpore ``verified_on``."""

    symbol: str
    matcher: Matcher  # finds the construct in one graph function
    kind: Kind
    levels: frozenset[str]
    construct: str
    why: str
    rewrite: str
    verified_on: str
    ast_pattern: str
    not_reported: tuple[str, ...] = ()
    raises: dict[str, str] = field(default_factory=dict)  # level -> exception type (compile-error)
    pynative_raises: str = ""  # exception the bad card raises in PyNative too ("" = it runs there)
    span: Callable[[SourceText, nodes.NodeNG], Span | None] | None = None  # where to show it, if not on the match
    # Levels at which the bad card compiles but differs from PyNative, for a compile-error record whose construct
    # fails at some levels and runs differently at the others (``self.set_train(False)`` in construct).
    differs: frozenset[str] = frozenset()
    # Rows of mslint/knowledge/data/graph_syntax.json the rule reports (glob patterns of row ids). A matcher that
    # yields ``Hit``s lets each row decide the levels: the rule reports where the row's verdict is of its kind.
    rows: tuple[str, ...] = ()
    message: str = ""  # "%s" template whose arguments a table-driven matcher gives (what, outcome, advice)
    scope: Literal["graph", "module"] = "graph"  # "module": the matcher reads the whole module

    @property
    def reported_levels(self) -> frozenset[str]:
        """Every level the rule reports at."""
        return self.levels | self.differs


@dataclass(frozen=True)
class NotFlagged:
    """A construct older docs call unsupported that 2.10 compiles and runs like PyNative."""

    construct: str
    probe: str
    note: str


# The message of a rule the graph syntax table drives: what the code does, the row's outcome, what the graph supports.
TABLE_MESSAGE = "%s in graph code %s; %s"


def _err(exc: str, levels: frozenset[str] = ALL) -> dict[str, str]:
    """Same exception type at every given level."""
    return {level: exc for level in levels}


GRAPH_FACTS: list[GraphFact] = [
    # ---- unsupported syntax: every level -------------------------------------------------
    GraphFact(
        symbol="ms-graph-try-except",
        matcher=match.node_types((nodes.Try, nodes.TryStar)),
        kind="compile-error",
        levels=ALL,
        construct="try statement",
        why="The graph parser rejects ast.Try at every level: 'Unsupported statement Try' (p01, p02, "
        f"p58b via a helper; SG C3 {SG}).",
        rewrite="Remove the try; validate inputs in Python before calling the cell.",
        verified_on="2.10.0",
        ast_pattern="ast.Try (also TryStar) node anywhere in graph code, including helpers it calls.",
        not_reported=("try in __init__ or any non-graph method", "raise/assert statements (supported, p03/p04)"),
        raises=_err("RuntimeError"),
        rows=("statements.Try", "statements.Try.*", "statements.TryStar"),
    ),
    GraphFact(
        symbol="ms-graph-generator",
        matcher=match.node_types((nodes.Yield, nodes.YieldFrom)),
        kind="compile-error",
        levels=ALL,
        construct="yield / generator function",
        why=f"ast.Yield/YieldFrom are unsupported: 'Unsupported expression Yield' (p05; SG C3 {SG}; FAQ 'Yield').",
        rewrite="Make the helper return a tuple (e.g. `return tuple(f(v) for v in ...)`).",
        verified_on="2.10.0",
        ast_pattern="ast.Yield or ast.YieldFrom inside a function that graph code defines or calls "
        "(i.e. calling a generator function from graph code).",
        not_reported=("generator expressions consumed by tuple()/sum() (p16, p16b)",),
        raises=_err("RuntimeError"),
        rows=("expressions.Yield", "expressions.Yield.*", "expressions.YieldFrom"),
    ),
    GraphFact(
        symbol="ms-graph-del",
        matcher=match.node_types(nodes.Delete),
        kind="compile-error",
        levels=ALL,
        construct="del statement",
        why=f"ast.Delete is unsupported: 'Unsupported statement Delete' (p06; SG C3 {SG}).",
        rewrite="Drop the `del`; locals go out of scope when the graph returns.",
        verified_on="2.10.0",
        ast_pattern="ast.Delete node in graph code (any target: name, subscript, attribute).",
        raises=_err("RuntimeError"),
        rows=("statements.Delete", "statements.Delete.*"),
    ),
    GraphFact(
        symbol="ms-graph-nonlocal",
        matcher=match.node_types(nodes.Nonlocal),
        kind="compile-error",
        levels=ALL,
        construct="nonlocal statement",
        why=f"ast.Nonlocal is unsupported: 'Unsupported statement Nonlocal' (p08; SG C3 {SG}).",
        rewrite="Let the nested function return the new value and rebind it in the outer scope.",
        verified_on="2.10.0",
        ast_pattern="ast.Nonlocal node in graph code (including nested defs inside construct).",
        not_reported=("nested def/closure that only reads outer names (p11)",),
        raises=_err("RuntimeError"),
        rows=("statements.Nonlocal",),
    ),
    GraphFact(
        symbol="ms-graph-class-in-graph",
        matcher=match.class_in_graph,
        kind="compile-error",
        levels=ALL,
        construct="class statement inside graph code",
        why="ast.ClassDef inside graph code is rejected: 'Unsupported statement ClassDef' (p09; not in the "
        "documented C3 list).",
        rewrite="Define the class at module level.",
        verified_on="2.10.0",
        ast_pattern="ast.ClassDef nested in the body of a graph function/method.",
        raises=_err("RuntimeError"),
        rows=("statements.ClassDef", "builtins.__build_class__"),
    ),
    GraphFact(
        symbol="ms-graph-import-in-graph",
        matcher=match.node_types((nodes.Import, nodes.ImportFrom)),
        kind="compile-error",
        levels=ALL,
        construct="import inside graph code",
        why=f"ast.Import/ImportFrom are unsupported: 'Unsupported statement Import' (p71; SG C3 {SG}).",
        rewrite="Move the import to module level.",
        verified_on="2.10.0",
        ast_pattern="ast.Import or ast.ImportFrom inside the body of a graph function/method.",
        raises=_err("RuntimeError"),
        rows=("statements.Import", "statements.ImportFrom"),
    ),
    GraphFact(
        symbol="ms-graph-match",
        matcher=match.node_types(nodes.Match),
        kind="compile-error",
        levels=ALL,
        construct="match statement",
        why=f"ast.Match is unsupported: 'Unsupported statement Match' (p57; SG C3 {SG}).",
        rewrite="Use if/elif on the (constant) subject.",
        verified_on="2.10.0",
        ast_pattern="ast.Match node in graph code.",
        raises=_err("RuntimeError"),
        rows=("statements.Match",),
    ),
    GraphFact(
        symbol="ms-graph-walrus",
        matcher=match.node_types(nodes.NamedExpr),
        kind="compile-error",
        levels=ALL,
        construct="assignment expression :=",
        why=f"ast.NamedExpr is unsupported: 'Unsupported expression NamedExpr' (p56; SG C3 {SG}).",
        rewrite="Assign in a separate statement before the condition.",
        verified_on="2.10.0",
        ast_pattern="ast.NamedExpr node in graph code.",
        not_reported=("annotated assignment `y: Tensor = ...` (p70, works although C3 lists AnnAssign)",),
        raises=_err("RuntimeError"),
        rows=("expressions.NamedExpr", "expressions.NamedExpr.*"),
    ),
    GraphFact(
        symbol="ms-graph-set-literal",
        matcher=match.node_types(nodes.Set),
        kind="compile-error",
        levels=ALL,
        construct="set literal",
        why=f"ast.Set is unsupported: 'Unsupported expression Set' (p53; SG C3/C4 {SG}).",
        rewrite="Use a tuple literal (`in` works on tuples).",
        verified_on="2.10.0",
        ast_pattern="ast.Set node (`{a, b}`) in graph code; not ast.Dict.",
        not_reported=(
            "`set(<constant tuple>)` call: constant-folded, compiles (not_flagged/set_call.py)",
            "set literals at module level or in __init__",
        ),
        raises=_err("RuntimeError"),
        rows=("expressions.Set",),
    ),
    GraphFact(
        symbol="ms-graph-set-comprehension",
        matcher=match.node_types(nodes.SetComp),
        kind="compile-error",
        levels=ALL,
        construct="set comprehension",
        why=f"ast.SetComp is unsupported: 'Unsupported expression SetComp' (p14; SG C3 {SG}).",
        rewrite="Compute the set outside the graph (module level / __init__) or use a tuple.",
        verified_on="2.10.0",
        ast_pattern="ast.SetComp node in graph code.",
        not_reported=("list/dict comprehensions with one for clause (p12, p13)",),
        raises=_err("RuntimeError"),
        rows=("expressions.SetComp",),
    ),
    GraphFact(
        symbol="ms-graph-multi-for-comprehension",
        matcher=match.multi_for,
        kind="compile-error",
        levels=ALL,
        construct="comprehension with two for clauses",
        why="The graph parser supports one 'comprehension' per ListComp/GeneratorExp (p15; ST list "
        f"comprehension {ST}).",
        rewrite="Use explicit nested for loops.",
        verified_on="2.10.0",
        ast_pattern="ast.ListComp, ast.GeneratorExp or ast.DictComp in graph code whose `generators` list has "
        "length >= 2.",
        not_reported=("one for clause with any number of `if` filters (p12)",),
        raises=_err("TypeError"),
        rows=("expressions.ListComp.two_for", "expressions.DictComp.two_for"),
    ),
    GraphFact(
        symbol="ms-graph-loop-else",
        matcher=match.loop_else,
        span=match.else_keyword_span,
        kind="compile-error",
        levels=ALL,
        construct="for...else / while...else",
        why=f"'The for...else... statement is not supported now' (p72; p72b for while; ST {ST}).",
        rewrite="Use a flag variable set on break, then an if after the loop.",
        verified_on="2.10.0",
        ast_pattern="ast.For or ast.While in graph code with a non-empty `orelse`.",
        not_reported=("break/continue under tensor conditions (p22, p22b)",),
        raises=_err("RuntimeError"),
        rows=("statements.For.else", "statements.While.else"),
    ),
    GraphFact(
        symbol="ms-graph-plain-context-manager",
        matcher=match.chain(match.plain_context, table.mindspore_context_managers),
        kind="compile-error",
        levels=ALL,
        construct="with on a non-jit_class object",
        why=f"`with` needs an @ms.jit_class or Cell instance: 'Only support jit_class instance' (p17; ST with {ST}).",
        rewrite="Decorate the context-manager class with @ms.jit_class.",
        verified_on="2.10.0",
        ast_pattern="ast.With in graph code whose context expression resolves (astroid inference) to an instance "
        "of a class that is neither decorated with ms.jit_class nor a subclass of nn.Cell.",
        not_reported=("with on an @ms.jit_class instance (p17b)", "with on an nn.Cell instance"),
        raises=_err("TypeError"),
        rows=("statements.With.cell", "statements.With.plain_object", "statements.With.mindspore_no_grad"),
    ),
    GraphFact(
        symbol="ms-graph-lambda-shared-line",
        matcher=match.lambda_shared,
        kind="compile-error",
        levels=ALL,
        construct="lambda sharing its source line",
        why="The graph parser re-parses a lambda from its source line and fails if the line holds other "
        "code: 'Parse Lambda Function Fail ... defined on a separate line' (p10b).",
        rewrite="Use named def functions (or one lambda per line).",
        verified_on="2.10.0",
        ast_pattern="ast.Lambda that graph code calls (directly or via a module/self dict, list or attribute) whose "
        "source line contains another ast.Lambda or the lambda is nested in a Dict/List/Tuple/Call on that line.",
        not_reported=("lambda assigned alone on its own line (p10, p10c)",),
        raises=_err("TypeError"),
        rows=("expressions.Lambda.shared_line",),
    ),
    GraphFact(
        symbol="ms-graph-classmethod-call",
        matcher=match.classmethod_call,
        kind="compile-error",
        levels=ALL,
        construct="calling a classmethod",
        why="classmethods are unsupported; `cls` is not bound: 'parameters number of the function is 2, "
        f"but ... provided arguments is 1' (p77; SG C2 {SG}).",
        rewrite="Use a @staticmethod or a module-level function.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func is `self.<m>`/`cls.<m>`/`<Class>.<m>` and `<m>` is a method "
        "decorated with @classmethod.",
        not_reported=("@staticmethod calls (p59b)", "other self methods (p59)", "super().construct (p62)"),
        raises=_err("TypeError"),
        rows=("builtins.classmethod", "expressions.Call.classmethod"),
    ),
    GraphFact(
        symbol="ms-graph-iter-next",
        matcher=match.iter_next,
        kind="compile-error",
        levels=ALL,
        construct="iter()/next() builtins",
        why="iter/next are unsupported builtins; even on a constant tuple compilation fails with a misleading "
        f"'For Stack, the len of x_shape...' ValueError (p82; SG C5 {SG}).",
        rewrite="Index the sequence (`seq[0]`) or loop with for.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func is the builtin name `iter` or `next` (any arguments).",
        raises=_err("ValueError"),
        rows=("builtins.iter", "builtins.iter.tensor", "builtins.next"),
    ),
    GraphFact(
        symbol="ms-graph-nonconst-getattr",
        matcher=match.nonconst_getattr,
        kind="compile-error",
        levels=ALL,
        construct="getattr with a runtime name",
        why=f"getattr needs a constant attribute name: 'Cast failed, original value: ValueAny' (p63c; BI {BI}).",
        rewrite="Use constant names (loop-constant f'layer{i}' over range is fine) and select with ops.select.",
        verified_on="2.10.0",
        ast_pattern="ast.Call to builtin `getattr` in graph code whose second argument is not a constant string, "
        "not an f-string/format of loop variables over range()/constants, but depends on a tensor expression.",
        not_reported=(
            "getattr(self, 'act') (p63)",
            "getattr(self, f'layer{i}') in `for i in range(N)` (p63b)",
            "hasattr (p63d)",
        ),
        raises=_err("RuntimeError"),
        rows=("builtins.getattr.variable_name",),
    ),
    GraphFact(
        symbol="ms-graph-tensor-dict-key",
        matcher=match.tensor_key,
        kind="compile-error",
        levels=ALL,
        construct="dict keyed by a runtime tensor",
        why="make_dict accepts only string, number, type, None, constant tensor and tuple keys (p64; "
        f"SG Dictionary {SG}).",
        rewrite="Use constant string/number keys.",
        verified_on="2.10.0",
        ast_pattern="ast.Dict (or dict subscript store) in graph code whose key expression is a tensor-valued "
        "expression (an argument of construct, or a call/attribute on one).",
        not_reported=("local dict with constant str keys, item assignment and .get (p64b)",),
        raises=_err("RuntimeError"),
        rows=("expressions.Dict.tensor_key",),
    ),
    GraphFact(
        symbol="ms-graph-branch-only-var",
        matcher=match.branch_only,
        kind="compile-error",
        levels=ALL,
        construct="name bound in only one branch",
        why="A name bound only in one branch of a tensor-dependent if and used after it raises "
        f"UnboundLocalError at compile time (p23c; ST if example 4 {ST}).",
        rewrite="Initialise the name before the if.",
        verified_on="2.10.0",
        ast_pattern="ast.If in graph code whose test involves a tensor, where a name is assigned in one branch "
        "only (not before the if) and loaded after the if; report the first load after the if.",
        not_reported=("if on constant conditions (self.training, self.mode == '...') that the compiler folds",),
        raises=_err("UnboundLocalError"),
        rows=("statements.If.branch_only_variable",),
    ),
    GraphFact(
        symbol="ms-graph-branch-type-mismatch",
        matcher=match.chain(match.branch_type, table.joins),
        kind="compile-error",
        levels=ALL,
        construct="tensor-if branches of different kinds",
        why="Branches of a tensor if that return/assign a Tensor in one and a Python scalar/None/str in the other "
        f"cannot be joined (p23d; FAQ 'Type Join Failed' {FAQ}).",
        rewrite="Return tensors in every branch (ops.zeros_like, ops.select).",
        verified_on="2.10.0",
        ast_pattern="ast.If with a tensor-dependent test where one path returns a tensor expression and another "
        "returns an ast.Constant (number/None/str) or a non-tensor value; report that non-tensor return.",
        not_reported=("branches returning tensors of different shapes (p23b: works in 2.10)",),
        raises=_err("TypeError"),
        rows=("statements.If.branch_type_mismatch", "statements.If.reassigned_type_mismatch", "statements.While.reassigned_type_mismatch", "statements.While.none_reassigned", "expressions.BoolOp.tensor_*", "expressions.IfExp.branch_type_mismatch", "operators.and.tensor_number", "operators.or.tensor_number"),
    ),
    GraphFact(
        symbol="ms-graph-parameter-in-graph",
        matcher=match.parameter,
        kind="compile-error",
        levels=ALL,
        construct="Parameter(...) created in graph code",
        why="Creating mindspore.Parameter instances in construct/@jit is rejected (p37; explicit error message).",
        rewrite="Create the Parameter in __init__ as self.<name>.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func resolves to mindspore.Parameter / mindspore.common.parameter."
        "Parameter (names `ms.Parameter`, `Parameter`).",
        raises=_err("ValueError"),
        rows=("expressions.Call.parameter_created",),
    ),
    GraphFact(
        symbol="ms-graph-forbidden-cell-api",
        matcher=match.forbidden_api,
        kind="compile-error",
        levels=ALL,
        construct="jit-forbidden Cell API",
        why="Cell methods registered with @jit_forbidden_register (trainable_params, get_parameters, "
        "untrainable_params, buffers, state_dict, register_*_hook, ...), methods that call them (parameters_dict) "
        "and generator methods (parameters_and_names, cells_and_names) fail to compile (p76; "
        "mslint/knowledge/data/jit_forbidden.json, generated from MindSpore and oracle-tested).",
        rewrite="Collect parameters in __init__ (e.g. ms.ParameterTuple(self.trainable_params())).",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of `self.<m>(...)` where <m> is a `cell_methods` entry of "
        "mslint/knowledge/data/jit_forbidden.json (trainable_params, get_parameters, parameters_dict, parameters_and_names, "
        "buffers, state_dict, register_*_hook, to, ...) and the class does not define <m> itself.",
        raises=_err("RuntimeError"),
    ),
    GraphFact(
        symbol="ms-graph-param-set-data",
        matcher=match.set_data,
        kind="compile-error",
        levels=ALL,
        construct="Parameter.set_data / Tensor.assign_value in graph code",
        why="set_data is jit-forbidden: AttributeError under STRICT/COMPATIBLE, RuntimeError under LAX (p75; "
        "issue mindspore-ai/mindspore#327).",
        rewrite="Use ops.assign(self.w, value) inside the graph, or set_data outside it.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func is an attribute named `set_data`, `assign_value` or "
        "`set_const_arg`.",
        not_reported=("`self.w = x` where w is a Parameter (p35c)", "ops.assign(self.w, x)"),
        raises={"strict": "AttributeError", "compatible": "AttributeError", "lax": "RuntimeError"},
    ),
    # ---- STRICT-only errors (LAX falls back to the Python interpreter) -----------------
    GraphFact(
        symbol="ms-graph-asnumpy",
        matcher=match.asnumpy,
        kind="compile-error",
        levels=STRICTISH,
        construct="Tensor.asnumpy()/tolist() on a runtime tensor",
        why="STRICT cannot get attribute asnumpy of a graph tensor (p24, p51, j02); LAX runs it via JIT Fallback "
        f"(3-4x slower per call in the card run, not MindIR-exportable; SG LAX {SG}).",
        rewrite="Stay in tensor ops; do host conversion after the cell returns.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of attribute `asnumpy` or `tolist` (no arguments) on a non-constant "
        "expression.",
        not_reported=("x.item(), float(x), int(x) (p50, p50b)", "asnumpy outside graph code"),
        raises=_err("AttributeError", STRICTISH),
        rows=("expressions.Call.asnumpy", "builtins.float.ndarray", "builtins.getattr.ndarray",
     "builtins.hasattr.ndarray", "builtins.isinstance.ndarray", "builtins.len.ndarray", "builtins.print.ndarray", "operators.add.ndarray_ndarray", "statements.If.numpy_condition", "expressions.Call.fallback_tensor_*"),
    ),
    GraphFact(
        symbol="ms-graph-numpy-on-tensor",
        matcher=match.numpy,
        kind="compile-error",
        levels=STRICTISH,
        construct="NumPy call on a runtime tensor",
        why="STRICT requires constant inputs for third-party calls: 'the inputs should be constant' (p25c; "
        f"SG C6 {SG}); LAX runs it in the Python interpreter (fallback).",
        rewrite="Use the matching mindspore.ops function (ops.maximum, ops.sum, ...).",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func is an attribute of the numpy module (`np.<f>`, "
        "`numpy.<f>`, excluding np.random.* and dtype names) with at least one non-constant argument.",
        not_reported=(
            "numpy calls on literals only, e.g. Tensor(np.array([1., 2.])) (p25b, p39)",
            "numpy dtypes as arguments, e.g. x.astype(np.float16) (p89)",
        ),
        raises=_err("ValueError", STRICTISH),
        rows=("expressions.Call.numpy_on_tensor",),
    ),
    GraphFact(
        symbol="ms-graph-math-on-tensor",
        matcher=match.math,
        kind="compile-error",
        levels=STRICTISH,
        construct="math-module call on a runtime value",
        why=f"STRICT requires constant inputs for stdlib calls (p26; SG C6 {SG}); LAX falls back to Python.",
        rewrite="Use the ops equivalent (ops.sqrt, ops.exp, ...).",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func is an attribute of the `math` module with at least one "
        "non-constant argument.",
        not_reported=("math.sqrt(16), math.pi (p26b)",),
        raises=_err("ValueError", STRICTISH),
        rows=("expressions.Call.math_on_tensor",),
    ),
    GraphFact(
        symbol="ms-graph-builtin-on-tensor",
        matcher=match.chain(table.builtin_forms, match.builtin_on_tensor),
        kind="compile-error",
        levels=STRICTISH,
        construct="sorted/reversed/complex/divmod on runtime values",
        why="Under STRICT these builtins only work when constant-folded; on a runtime tensor: 'the inputs should "
        f"be constant' (card run; SG C5 {SG}). LAX falls back to Python.",
        rewrite="Use tensor ops (ops.sort, ops.flip, x.min()).",
        verified_on="2.10.0",
        ast_pattern="ast.Call to builtin `sorted`, `reversed`, `complex` or `divmod` in graph code whose arguments "
        "are not all constants.",
        not_reported=("sorted/reversed/divmod/complex on constants (p80, p81, p83, p79)", "slice(...) (p54)"),
        raises=_err("ValueError", STRICTISH),
        rows=("builtins.*.tensor", "builtins.id", "builtins.type.compare", "builtins.dict.pairs", "builtins.divmod.dynamic_shape", "builtins.sorted.dynamic_shape"),
    ),
    GraphFact(
        symbol="ms-graph-tensor-from-runtime-value",
        matcher=match.tensor_from_runtime,
        kind="compile-error",
        levels=STRICTISH,
        construct="Tensor/ms.tensor built from a runtime Python value",
        why="Under STRICT Tensor(...) in graph code needs constant inputs (p39c); LAX falls back (float64 `Any` "
        f"tensors; SG Annotation Type {SG}).",
        rewrite="Keep the value as a tensor (x.sum().astype(ms.float32)).",
        verified_on="2.10.0",
        ast_pattern="ast.Call to `Tensor`/`ms.Tensor`/`ms.tensor` in graph code whose data argument depends on a "
        "graph input (e.g. float(x.sum()), x.item()).",
        not_reported=("Tensor(np.array(<literal>)) (p39)", "Tensor(x.shape[0], ms.float32) (p39b)"),
        raises=_err("ValueError", STRICTISH),
    ),
    GraphFact(
        symbol="ms-graph-str-method",
        matcher=table.methods,
        kind="compile-error",
        levels=STRICTISH,
        construct="unsupported str methods",
        why="STRICT strings support only +, slicing, in, %, .format, str(), .lower/.upper, ==, *; .replace/.split/"
        ".startswith/.join/.strip and len(str) raise AttributeError (p32, extra_str_methods_strict.py).",
        rewrite="Precompute the string in __init__.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of a str method other than format/lower/upper on a str-typed "
        "expression (self attribute holding a str, or a str constant), or len() of a str.",
        not_reported=("'%s' % v, '{}'.format(v), s.lower(), s1 + s2, s[1:], 'a' in s",),
        raises=_err("AttributeError", STRICTISH),
        rows=("methods.str.*", "builtins.len.str", "statements.For.str"),
    ),
    GraphFact(
        symbol="ms-graph-attr-assign",
        matcher=match.chain(match.attr_assign, table.object_attribute_writes),
        kind="compile-error",
        levels=STRICTISH,
        construct="assigning a non-Parameter self attribute",
        why="Under STRICT only Parameter attributes may be assigned in construct (p33, p33c, p35, p35b; SG "
        f"Attribute References {SG}); LAX really updates the Python attribute via fallback.",
        rewrite="Use a non-trainable Parameter created in __init__ and ops.assign/ops.assign_add.",
        verified_on="2.10.0",
        ast_pattern="ast.Assign/ast.AugAssign in graph code whose target is `self.<attr>` where <attr> is not "
        "initialised with Parameter(...) in __init__ (int/float/Tensor/new attribute).",
        not_reported=("`self.w = x` for a Parameter w (p35c)", "assignments in __init__"),
        raises={"strict": "TypeError", "compatible": "TypeError"},
        rows=("statements.Assign.int_attribute", "statements.Assign.new_attribute", "statements.Assign.tensor_attribute", "operators.i*.*_attribute", "statements.Assign.plain_object_attribute",
              "statements.Assign.jit_class_attribute"),
    ),
    GraphFact(
        symbol="ms-graph-dict-attr-subscript",
        matcher=match.dict_attr_subscript,
        kind="compile-error",
        levels=STRICTISH,
        construct="item assignment on a dict attribute",
        why="STRICT requires the target to be a Parameter (p35d); LAX compiles it but the write is silently "
        "dropped (card: keys=[] after two calls).",
        rewrite="Return the value and store it in the dict outside the graph.",
        verified_on="2.10.0",
        ast_pattern="ast.Assign in graph code whose target is ast.Subscript of `self.<attr>` (attr not a Parameter).",
        not_reported=("item assignment on a local dict (p64b)",),
        raises=_err("TypeError", STRICTISH),
        rows=("statements.Assign.dict_attribute_item", "statements.Assign.list_attribute_item"),
    ),
    # ---- compiles but differs from PyNative ---------------------------------------------
    GraphFact(
        symbol="ms-graph-container-mutation-lost",
        matcher=match.chain(table.methods, table.container_aliases),
        kind="diverges",
        levels=ALL,
        construct="append/extend/insert on self or module lists",
        why="List mutations in graph code act on a copy and are silently dropped at every level (p34, p86, j06; "
        f"SG LAX list 'not in-place' {SG}).",
        rewrite="Return the value and accumulate outside the graph (or use a Parameter plus ops.assign).",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of `append|extend|insert|pop|remove|clear` whose receiver is "
        "`self.<attr>` or a module-level name (not a local list built in the same function).",
        not_reported=("append to a local list that is then used/returned in the same graph",),
        rows=("methods.list.*", "methods.dict.*", "statements.Assign.list_attribute_item", "statements.Assign.list_alias_item", "statements.Assign.dict_helper_item"),
    ),
    GraphFact(
        symbol="ms-graph-global-mutation-lost",
        matcher=match.global_mutation,
        kind="diverges",
        levels=ALL,
        construct="global statement rebinding a module global",
        why="`global G; G = ...` compiles but the module variable is never updated (p07, j05).",
        rewrite="Update the global in the Python caller, or keep state in a Parameter.",
        verified_on="2.10.0",
        ast_pattern="ast.Global in graph code (report the Global node) whose names are assigned in that function.",
        rows=("statements.Global",),
    ),
    GraphFact(
        symbol="ms-graph-frozen-global",
        matcher=match.chain(match.frozen_global, table.frozen_global_contents),
        kind="diverges",
        levels=ALL,
        construct="module global read in graph code and reassigned elsewhere",
        why=f"Globals are constants of the compiled graph; later changes are not seen (p07b, j15; SG C7 {SG}).",
        rewrite="Pass the value as an argument (Tensor or ms.mutable).",
        verified_on="2.10.0",
        ast_pattern="ast.Name load in graph code of a module global bound once at module level to a number/str/bool "
        "and rebound by a `global` statement in a function that the module calls after a graph has run (inside "
        "a loop, or after a call of a Cell instance or jit function in the same body).",
        not_reported=(
            "module constants assigned once and never rebound",
            "globals rebound only at import time or by a setup function called before the first compile "
            "(`set_distributed()`)",
        ),
        rows=("statements.Global.read_changed", "statements.Assign.global_dict_item_changed_outside", "methods.list.append.global_outside"),
    ),
    GraphFact(
        symbol="ms-graph-frozen-attr",
        matcher=match.chain(match.frozen_attr, table.frozen_attribute_contents),
        kind="diverges",
        levels=ALL,
        construct="plain self attribute changed outside the graph",
        why=f"Modifying class attributes outside the graph is not perceived (p87; SG C7 {SG}).",
        rewrite="Keep the value in a non-trainable Parameter (update with set_data outside the graph).",
        verified_on="2.10.0",
        ast_pattern="ast.Attribute load `self.<attr>` in graph code where <attr> is a non-Parameter Python "
        "number set in __init__ and assigned again outside __init__: `self.<attr> = ...` in another method, or "
        "`<obj>.<attr> = ...` in the module after a graph has run (inside a loop, or after a call of a Cell "
        "instance or jit function in the same body).",
        not_reported=(
            "self.training toggled via set_train() (p88: recompiles)",
            "attributes only assigned in __init__ (also in both branches of an if/else there)",
            "`net.<attr> = ...` before the first call of the net",
        ),
        rows=("statements.Assign.attribute_changed_outside", "statements.Assign.class_attribute_changed_outside", "statements.Assign.dict_attribute_item_changed_outside", "statements.Assign.numpy_attribute_changed_outside", "methods.list.append.attribute_outside"),
    ),
    GraphFact(
        symbol="ms-graph-python-random",
        matcher=match.python_random,
        kind="diverges",
        levels=ALL,
        construct="random.* / np.random.*",
        why="Evaluated once at compile time even under STRICT; every call reuses the value (p27, p28, j03).",
        rewrite="Use graph RNG ops (ops.randn_like, ops.uniform, ops.StandardNormal).",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func is an attribute of module `random` or `numpy.random` "
        "(`random.random`, `np.random.rand`, ...).",
        not_reported=("ops.rand_like / ops.uniform (p28b)",),
    ),
    GraphFact(
        symbol="ms-graph-time-call",
        matcher=match.time,
        kind="diverges",
        levels=ALL,
        construct="time.* / datetime.*",
        why="Evaluated once at compile time; every call returns the same timestamp (p29, j13).",
        rewrite="Read the clock in the Python caller and pass it in if needed.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose func is an attribute of module `time` or `datetime`.",
    ),
    GraphFact(
        symbol="ms-graph-logging",
        matcher=match.logging,
        kind="diverges",
        levels=ALL,
        construct="logging calls",
        why="Logging runs only while compiling: one record for three calls (p30g).",
        rewrite="Log in the caller, or use print/ops.print_ which run on every call (p30, p30c).",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of `logging.<level>` or `<logger>.<debug|info|warning|error|"
        "exception|critical|log>` where <logger> is a logging.Logger (logging.getLogger result).",
        not_reported=("print(...) and ops.print_ (p30, p30c: run per call)",),
    ),
    GraphFact(
        symbol="ms-graph-cell-in-graph",
        matcher=match.cell_in_graph,
        kind="diverges",
        levels=ALL,
        construct="randomly initialised layer created in graph code",
        why="A Cell built in construct is initialised once at compile time: weights are constants, identical on "
        "every call and not trainable (p36).",
        rewrite="Create the layer in __init__.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code constructing an nn.Cell subclass that owns Parameters (nn.Dense, "
        "nn.Conv*, nn.Embedding, nn.BatchNorm*, nn.LayerNorm, user Cells with Parameters).",
        not_reported=("parameter-free Cells/Primitives: nn.Softmax(axis=0), ops.ReLU() (p36b, p38)",),
        rows=("expressions.Call.dense_created",),
    ),
    GraphFact(
        symbol="ms-graph-fstring-format",
        matcher=match.chain(match.fstring_format, table.fstring_specs),
        kind="diverges",
        levels=ALL,
        construct="f-string formatting of tuples/floats/bools",
        why="Graph f-strings render (2,) as '(2)', 1.0 as '1', True as 'true' at every level (p31c, p31d).",
        rewrite="Use str.format or %-formatting, which match Python.",
        verified_on="2.10.0",
        ast_pattern="ast.JoinedStr in graph code with a FormattedValue whose value is a tuple/shape, float or bool "
        "(x.shape, float constants, True/False, tuple displays).",
        not_reported=("ints and strs in f-strings, e.g. f'layer{i}' (p63b)", "'{}'.format(...) and '%s' % (...)"),
        rows=("expressions.JoinedStr.float_bool", "expressions.JoinedStr.shape", "expressions.JoinedStr.tuple", "expressions.FormattedValue", "expressions.FormattedValue.*"),
    ),
    GraphFact(
        symbol="ms-graph-fstring-tensor",
        matcher=match.fstring_tensor,
        kind="diverges",
        levels=STRICT_ONLY,
        construct="f-string interpolating a runtime tensor",
        why="Under STRICT (and jit fullgraph=True) f'{x}' evaluates to Tensor([0]) instead of text (p31, p30b, j12); "
        "COMPATIBLE and LAX format it correctly.",
        rewrite="Return the tensor and format outside, or print('v =', x) / ops.print_.",
        verified_on="2.10.0",
        ast_pattern="ast.JoinedStr in graph code with a FormattedValue whose value is a tensor expression.",
        not_reported=("print('v', x) (p30)",),
        rows=("expressions.JoinedStr.tensor",),
    ),
    GraphFact(
        symbol="ms-graph-return-dict",
        matcher=match.return_dict,
        kind="diverges",
        levels=STRICT_ONLY,
        construct="dict returned from the top-level graph",
        why="Under STRICT a dict returned from the top graph silently becomes a tuple of its values (p45r); "
        f"returning a dict is a LAX feature (SG LAX dict {SG}); COMPATIBLE returns the dict.",
        rewrite="Return a tuple and build the dict outside the graph.",
        verified_on="2.10.0",
        ast_pattern="ast.Return in an entry-point construct/@jit function whose value is an ast.Dict or "
        "ast.DictComp (or a name bound to one).",
        not_reported=("dicts returned by helpers called inside the graph",),
        rows=("expressions.Dict.return",),
    ),
    GraphFact(
        symbol="ms-graph-input-setitem",
        matcher=match.input_setitem,
        kind="diverges",
        levels=ALL,
        construct="item assignment on an input tensor",
        why="PyNative mutates the caller's tensor; graph mode writes to a copy (p45, j08).",
        rewrite="Copy first (y = x * 1 / x.copy()), assign into the copy, return it.",
        verified_on="2.10.0",
        ast_pattern="ast.Assign/ast.AugAssign whose target is ast.Subscript of a construct/@jit parameter name.",
        not_reported=("item assignment on a local tensor (p45b)",),
    ),
    GraphFact(
        symbol="ms-graph-input-augassign",
        matcher=match.input_augassign,
        kind="diverges",
        levels=ALL,
        construct="augmented assignment on an input tensor",
        why="In graph mode `x += y` on an input updates the caller's tensor (also through an alias); PyNative "
        "rebinds (p46, p46b).",
        rewrite="Write `x = x + y`.",
        verified_on="2.10.0",
        ast_pattern="ast.AugAssign whose target is an ast.Name that is a construct/@jit tensor parameter or a local "
        "alias of one (`z = x`).",
        not_reported=("x = x + y", "augmented assignment on Python ints/loop counters"),
        rows=("operators.iadd.input_tensor",),
    ),
    GraphFact(
        symbol="ms-graph-input-inplace-method",
        matcher=match.input_inplace,
        kind="diverges",
        levels=ALL,
        construct="in-place Tensor method on an input",
        why="Graph mode applies x.add_() to the caller's tensor; PyNative (CPU) returned x unchanged (p97).",
        rewrite="Use the out-of-place op (x + 1, ops.add) and return the result.",
        verified_on="2.10.0",
        ast_pattern="ast.Call of an attribute ending in '_' (add_, mul_, sub_, div_, clamp_, copy_, fill_, zero_, ...) "
        "whose receiver is a construct/@jit parameter or alias of one.",
    ),
    GraphFact(
        symbol="ms-graph-tensor-raise",
        matcher=match.tensor_raise,
        kind="diverges",
        levels=ALL,
        construct="raise/assert on a tensor condition",
        why="The raise fires, but the compiled cell then refuses every later call ('An error occurred in the "
        "previous step'); PyNative keeps working (extra_deferred_raise.py, p03, p04).",
        rewrite="Validate inputs in Python before calling the cell, or clamp/mask with ops.",
        verified_on="2.10.0",
        ast_pattern="ast.Raise or ast.Assert in graph code inside (or whose test is) a tensor-dependent condition.",
        not_reported=("raise under constant conditions (e.g. on self.mode) that the compiler folds",),
    ),
    # ---- compiles, same result, but dynamic / slow ------------------------------------
    GraphFact(
        symbol="ms-graph-value-dependent-range",
        matcher=match.value_range,
        kind="slow-dynamic",
        levels=ALL,
        construct="Python loop trip count from a tensor value",
        why="range(int(t)) compiles and matches PyNative (p21), but needs a host sync and dynamic control flow: "
        "~13x slower per call than the tensor rewrite in the card run.",
        rewrite="Express the repetition with tensor arithmetic, or a fixed bound plus masking.",
        verified_on="2.10.0",
        ast_pattern="ast.For in graph code over range(...) whose argument contains int()/float()/.item() of a "
        "tensor expression.",
        not_reported=("range(x.shape[0]) (p20)", "for row in x (p19)", "range(<constant>)"),
    ),
    GraphFact(
        symbol="ms-graph-dynamic-shape-op",
        matcher=match.dynamic_shape,
        kind="slow-dynamic",
        levels=ALL,
        construct="value-dependent output shape",
        why="x[mask], ops.nonzero/unique/masked_select compile and match PyNative on CPU (p41-p44), but produce "
        f"dynamic shapes (DS {DS}); backend support and export differ; per-call cost on CPU was similar.",
        rewrite="Keep static shapes: ops.where(mask, x, 0), mask.astype(int).sum().",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of ops.nonzero|unique|masked_select|argwhere (or Tensor methods of those "
        "names), or ast.Subscript whose slice is a boolean tensor expression (comparison of a tensor).",
        not_reported=("ops.where / ops.select with three arguments",),
    ),
    # ---- errors users report (issue 12; TroubleShooter knowledge base, FAQ) ------------
    GraphFact(
        symbol="ms-graph-subcell-arg-count",
        matcher=match.subcell_arg_count,
        kind="compile-error",
        levels=ALL,
        construct="sub-cell called with the wrong number of arguments",
        why="Graph code calling `self.<cell>(...)` with more or fewer arguments than the sub-cell's construct "
        "accepts fails: 'The parameters number of the function is 1, but the number of provided arguments is 2' "
        "(card; TroubleShooter compiler_id_6). PyNative raises a TypeError at the call too.",
        rewrite="Pass exactly the arguments the sub-cell's construct declares (or give the extra ones defaults).",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of `self.<attr>(...)` where __init__ assigns <attr> one project Cell class "
        "(no custom __call__), without *args/**kwargs in the call, whose positional count exceeds the construct's "
        "positional parameters (no *args) or leaves a required parameter unfilled.",
        not_reported=(
            "sub-cells whose class is ambiguous or from MindSpore/third-party packages",
            "calls with *args or **kwargs",
            "the top-level `net(...)` call in Python (not graph code)",
        ),
        raises=_err("TypeError"),
        pynative_raises="TypeError",
    ),
    GraphFact(
        symbol="ms-graph-cell-list-tensor-index",
        matcher=match.cell_list_tensor_index,
        kind="compile-error",
        levels=ALL,
        construct="CellList or tuple of cells indexed by a runtime tensor",
        why="Selecting a cell by a tensor index compiles to switch_layer, which needs an int32 scalar: an int64 "
        "index (what ops.argmax and Tensor(1) give) fails with 'switch_layer index must be an int32, but got Int64' "
        "(card; TroubleShooter compiler_id_22). PyNative rejects a Tensor index into a CellList (TypeError).",
        rewrite="Index with a Python int, or run every cell and pick the result with ops.select / a mask.",
        verified_on="2.10.0",
        ast_pattern="ast.Subscript in graph code (called or not) whose value is `self.<attr>` assigned nn.CellList(...) "
        "or a tuple/list of Cell instances in __init__, and whose index is a tensor expression (ops call result, "
        "tensor method, or a construct argument used as a tensor).",
        not_reported=("index by a Python int or a loop variable over range(len(...)) (card good)",),
        raises=_err("ValueError"),
        pynative_raises="TypeError",
        rows=("expressions.Subscript.tuple_int64_tensor_index",),
    ),
    GraphFact(
        symbol="ms-graph-branch-dtype-mismatch",
        matcher=match.branch_dtype,
        kind="compile-error",
        levels=ALL,
        construct="tensor-if branches producing different dtypes",
        why="Both branches of a tensor-dependent if must join to one type: float16 in one branch and float32 in the "
        "other fails with 'Cannot join the return values of different branches' (Type Join Failed; card; FAQ "
        f"{FAQ}; TroubleShooter compiler_id_8). PyNative runs.",
        rewrite="Cast both branches to the same dtype (or cast once after the if).",
        verified_on="2.10.0",
        ast_pattern="ast.If in graph code with a tensor condition whose two branches return, or assign to the same "
        "name (an assignment before the if counts as the else branch), values whose dtypes certainly differ "
        "(mslint.analysis.dtypes.certainly_differ: both known and different, or one casts the value the other "
        "returns unchanged).",
        not_reported=(
            "conditions on Python values/self attributes (folded at compile time)",
            "branches whose dtypes are not both known",
            "different shapes (p23b: works)",
        ),
        raises=_err("TypeError"),
        rows=("statements.If.branch_dtype_mismatch",),
    ),
    GraphFact(
        symbol="ms-graph-stack-mixed-dtype",
        matcher=match.stack_mixed,
        kind="compile-error",
        levels=ALL,
        construct="ops.stack of tensors with different dtypes",
        why="ops.stack requires one dtype: 'For Stack, all types should be same' in graph mode, 'All input must "
        "have the same data type' in PyNative (card).",
        rewrite="Cast the inputs to one dtype before stacking.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of ops.stack / mint.stack / ops.Stack()(...) whose tuple/list argument "
        "holds two tensors whose dtypes certainly differ (mslint.analysis.dtypes.certainly_differ).",
        raises=_err("TypeError"),
        pynative_raises="TypeError",
    ),
    GraphFact(
        symbol="ms-graph-cat-mixed-dtype",
        matcher=match.cat_mixed,
        kind="diverges",
        levels=ALL,
        construct="ops.cat/concat of tensors with different dtypes",
        why="GRAPH_MODE compiles a concat of float32 and float16 (or int32) tensors and returns float32, but the "
        "same code fails in PyNative on CPU: 'KernelMod Init Failed: Concat' (card). The result depends on the "
        "mode.",
        rewrite="Cast the inputs to one dtype before concatenating.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of ops.cat / ops.concat / mint.cat / mint.concat / ops.Concat()(...) whose "
        "tuple/list argument holds two tensors whose dtypes certainly differ.",
        pynative_raises="RuntimeError",
    ),
    GraphFact(
        symbol="ms-graph-forbidden-function",
        matcher=match.forbidden_function,
        kind="compile-error",
        levels=ALL,
        construct="jit-forbidden MindSpore function",
        why="Functions and classes of mindspore.context, mindspore.common.initializer and mindspore.log "
        "(ms.get_context, ms.set_context, initializer, Normal, mindspore.log.warning, ...) are registered as "
        "forbidden in graph code: '... is not supported in 'construct' or function with @jit decorator' "
        "(card; mslint/knowledge/data/jit_forbidden.json, generated from MindSpore and oracle-tested; TroubleShooter "
        "compiler_id_19).",
        rewrite="Call it outside the graph (in __init__ or the Python caller) and keep the result in an attribute.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code whose callee resolves to a name in `functions` of "
        "mslint/knowledge/data/jit_forbidden.json (ms.get_context, mindspore.context.*, mindspore.common.initializer.*, "
        "mindspore.log.*).",
        not_reported=("the same calls in __init__ or other non-graph code",),
        raises=_err("RuntimeError"),
    ),
    GraphFact(
        symbol="ms-graph-loop-only-var",
        matcher=match.loop_only,
        kind="compile-error",
        levels=ALL,
        construct="name bound only inside a loop body",
        why="A name first bound inside a for/while body and used after the loop fails, also when the loop runs a "
        "constant number of times: 'The local variable ... defined in the 'for' loop body cannot be used outside "
        "of the loop body' (card; TroubleShooter compiler_id_25). PyNative runs.",
        rewrite="Initialise the name before the loop.",
        verified_on="2.10.0",
        ast_pattern="ast.For/ast.While at the top level of a graph function whose body assigns a name that is not "
        "a parameter, not bound before the loop and not the loop target, and that a later statement reads.",
        not_reported=("names initialised before the loop (card good)", "the loop target itself"),
        raises=_err("UnboundLocalError"),
        rows=("statements.For.loop_only_variable", "statements.While.loop_only_variable"),
    ),
    GraphFact(
        symbol="ms-graph-comment-indent",
        matcher=match.comment_indent,
        span=match.comment_span,
        kind="compile-error",
        levels=ALL,
        construct="comment indented left of its def",
        why="The graph parser re-reads a method's source and fails when a comment (or a line of a multi-line "
        "string) inside it starts left of the `def`: 'There are incorrect indentations in definition or comment "
        "of function' (card: columns 0 and 2 under a def at column 4; TroubleShooter compiler_id_17). PyNative "
        "runs.",
        rewrite="Indent the comment at least as far as the def (best: like the code around it).",
        verified_on="2.10.0",
        ast_pattern="A comment line, or a continuation line of a multi-line string constant, between the `def` line "
        "and the last line of a graph function whose indentation is smaller than the column of its `def`.",
        not_reported=("comments at or right of the def's column (columns 4 and 6 under a def at 4 compile)",),
        raises=_err("IndentationError"),
    ),
    GraphFact(
        symbol="ms-graph-jit-class-runtime-arg",
        matcher=match.jit_class_runtime,
        kind="compile-error",
        levels=ALL,
        construct="jit_class instance created from runtime values",
        why="An @ms.jit_class created in graph code needs constant arguments: 'When creating an instance of ..., "
        "all arguments are required to be constants' (card; TroubleShooter compiler_id_20). PyNative runs.",
        rewrite="Create the instance in __init__, or pass the tensor to a method of an instance built from "
        "constants.",
        verified_on="2.10.0",
        ast_pattern="ast.Call in graph code of a class decorated with ms.jit_class with an argument that is a tensor "
        "expression or a graph input used as a tensor.",
        not_reported=("constant or shape arguments, e.g. Inner(2), Inner(x.shape[0])",
                      "plain (non-jit_class) classes: STRICT fails, LAX runs them through JIT Fallback"),
        raises=_err("TypeError"),
        rows=("expressions.Call.jit_class_runtime_argument",),
    ),
    GraphFact(
        symbol="ms-graph-bprop-signature",
        matcher=match.bprop_signature,
        kind="compile-error",
        levels=ALL,
        construct="custom bprop whose parameters do not match construct",
        why="A Cell's bprop must take construct's inputs plus `out` and `dout`: 'The number of parameter of this "
        "primal function is 2, but the number of parameters of bprop is 3' when the Cell is differentiated "
        f"(card; FAQ {FAQ}). PyNative raises a TypeError as well.",
        rewrite="Declare bprop(self, <construct inputs>, out, dout).",
        verified_on="2.10.0",
        ast_pattern="The `bprop` method of a Cell whose construct is graph code, when neither has *args, **kwargs, "
        "keyword-only or defaulted parameters and bprop's parameter count differs from construct's plus two.",
        not_reported=("construct or bprop with *args/**kwargs, keyword-only or defaulted parameters",),
        raises=_err("TypeError"),
        pynative_raises="TypeError",
    ),
    # ---- what the graph syntax table says the graph does not support (issue 26) ------------
    GraphFact(
        symbol="ms-graph-builtin-argument",
        matcher=table.builtin_forms,
        kind="compile-error",
        levels=ALL,
        construct="built-in called with an argument the graph rejects",
        why="The graph implements each built-in with a fixed signature: keywords such as print(flush=), max(key=), "
        "sum(start=), int(base=) and zip(strict=) fail ('Got an unexpected keyword argument'), and so do forms such as "
        "filter(None, ...), range(<Tensor>), reversed(<CellList>) and round() of a shape under dynamic shape "
        "(mslint/knowledge/data/graph_syntax.json, every row compiled on 2.10). PyNative runs them.",
        rewrite="Use the form the graph supports (the message lists them), or compute the value outside the graph.",
        verified_on="2.10.0",
        ast_pattern="ast.Call of a built-in in graph code whose form (a keyword, the number of positional arguments, "
        "an argument that is a Tensor, a CellList or a shape under dynamic shape) has a row of graph_syntax.json that "
        "fails at the level the code compiles at.",
        not_reported=("forms the table lists as supported (sorted(key=), enumerate(start=), getattr(default))",
                      "forms without a row of the table"),
        raises=_err("RuntimeError"),
        rows=("builtins.print.sep", "builtins.print.end", "builtins.print.file", "builtins.print.flush", "builtins.max.key",
              "builtins.max.default", "builtins.min.key", "builtins.min.default", "builtins.sum.start_keyword",
              "builtins.int.base_keyword", "builtins.zip.strict", "builtins.filter.none", "builtins.type.three_arguments",
              "builtins.range.tensor_bound", "builtins.reversed.celllist", "builtins.round.dynamic_shape",
              "builtins.abs.complex"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-unsupported-builtin",
        matcher=table.builtin_forms,
        kind="compile-error",
        levels=ALL,
        construct="built-in the graph does not implement",
        why="globals(), locals(), open(), exit(), quit(), help(), bytearray() and memoryview() fail to compile at every "
        "level; breakpoint(), exec(), setattr() and delattr() at STRICT (graph_syntax.json).",
        rewrite="Call it outside the graph and pass the result in.",
        verified_on="2.10.0",
        ast_pattern="ast.Call of one of those built-ins in graph code.",
        raises=_err("ValueError"),
        rows=("builtins.globals", "builtins.locals", "builtins.open", "builtins.exit", "builtins.quit", "builtins.help",
              "builtins.bytearray", "builtins.memoryview", "builtins.breakpoint", "builtins.exec", "builtins.setattr",
              "builtins.delattr"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-unsupported-raise",
        matcher=table.raises,
        kind="compile-error",
        levels=ALL,
        construct="raise of an exception the graph cannot raise",
        why="The graph raises only some built-in exception types ('Unsupported exception type: LookupError') and no dict "
        "arguments, whenever it compiles the raise: under a tensor condition (both branches compile) or unconditionally "
        "(graph_syntax.json; a raise under a condition the compiler folds to False compiles).",
        rewrite="Raise ValueError, TypeError, RuntimeError, IndexError, KeyError, ... with a str message.",
        verified_on="2.10.0",
        ast_pattern="ast.Raise in graph code of a built-in exception class whose row fails, or with a dict argument, "
        "outside any if/while on a compile-time condition (in an entry graph), or under a tensor condition.",
        not_reported=("raise under a condition on Python values (the compiler folds it)",),
        raises=_err("RuntimeError"),
        rows=(*table.row_ids_with_message("builtins."), "statements.Raise.dict_argument"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-container-method",
        matcher=table.methods,
        kind="compile-error",
        levels=ALL,
        construct="list or dict method the graph does not support",
        why="The graph implements a subset of the methods of list and dict: dict.pop/popitem/setdefault/copy and "
        "list.copy/remove/sort fail at STRICT, dict.pop also at LAX, dict.update(key=value) and list.pop(<tensor "
        "index>) at every level (graph_syntax.json, each method on a local, an attribute, a module list and an "
        "argument).",
        rewrite="Use a method the graph supports (the message lists them) or build a new list/dict.",
        verified_on="2.10.0",
        ast_pattern="ast.Call of a method on an expression whose type the code shows (a literal, a name every "
        "assignment of which is one, an annotated parameter, self.<attr> the class only assigns one) whose row fails "
        "to compile at the code's level.",
        not_reported=("receivers whose type is not certain", "methods the table lists as supported (get, count, index, ...)"),
        raises={"strict": "AttributeError", "compatible": "AttributeError", "lax": "IndexError"},
        rows=("methods.list.*", "methods.dict.*", "methods.tuple.*"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-unsupported-operand",
        matcher=table.operators,
        kind="compile-error",
        levels=ALL,
        construct="operator on operand types the graph rejects",
        why="The graph implements each operator for some operand types only: dict | dict, `is` between tuples, a bool "
        "Tensor + bool fail at every level; << and >> on a Tensor, a number `in` a Tensor, ** with a list or tuple and "
        "a list indexed by a Tensor fail at STRICT (graph_syntax.json, every operator on every pair of operand kinds).",
        rewrite="Use the operand types the graph supports (the message lists them), or tensor ops.",
        verified_on="2.10.0",
        ast_pattern="ast.BinOp, ast.AugAssign, ast.Compare (one operator) or ast.UnaryOp in graph code whose operand "
        "kinds (tensor, bool tensor, number, bool, None, str, list, tuple, dict) are certain and whose row fails to compile.",
        raises=_err("RuntimeError"),
        rows=("operators.add.booltensor_bool", "operators.iadd.booltensor_bool", "operators.lshift.tensor_number",
              "operators.rshift.tensor_number", "operators.ilshift.tensor_number", "operators.irshift.tensor_number",
              "operators.in.number_tensor", "operators.not_in.number_tensor", "operators.or_.dict_dict",
              "operators.ior_.dict_dict", "operators.pow.*", "operators.ipow.*", "operators.is.tuple",
              "operators.is_not.tuple", "expressions.Compare.is_same_object", "expressions.Compare.is_tensor",
              "expressions.Subscript.list_tensor_index"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-operator-differs",
        matcher=table.operators,
        kind="diverges",
        levels=ALL,
        construct="operator whose graph result differs from Python's",
        why="`x[0] in [1.0, 5.0]` (a Tensor in a list or tuple of numbers) compiles but evaluates to False when Python "
        "says True, at every level; an assert on it fails at compile time; `x is y` between Tensors is False at LAX "
        "(graph_syntax.json).",
        rewrite="Compare with tensor ops: `(x[0] == Tensor(values)).any()`.",
        verified_on="2.10.0",
        ast_pattern="ast.Compare in graph code of a Tensor with `in`/`not in` and a list or tuple, or `is` between "
        "Tensors, whose row differs from PyNative.",
        rows=("operators.in.tensor_list", "operators.in.tensor_tuple", "operators.not_in.tensor_list",
              "operators.not_in.tensor_tuple", "expressions.Compare.is_tensor", "statements.Assert.membership"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-unsupported-syntax",
        matcher=table.syntax,
        kind="compile-error",
        levels=ALL,
        construct="statement or expression the graph does not support",
        why="async def, async for, async with, await and complex literals fail to compile at every level "
        "(graph_syntax.json; the statements and expressions with rules of their own are those rules').",
        rewrite="Write plain synchronous code; build complex values with ops.Complex.",
        verified_on="2.10.0",
        ast_pattern="ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await or a complex ast.Constant in graph code.",
        raises=_err("TypeError"),
        rows=("statements.AsyncFunctionDef", "statements.AsyncFor", "statements.AsyncWith", "expressions.Await",
              "expressions.Constant.complex"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-syntax-differs",
        matcher=match.chain(table.syntax, table.builtin_forms),
        kind="diverges",
        levels=ALL,
        construct="statement or expression the graph runs differently",
        why="The graph ignores the decorator of a nested def, returns a list for a returned generator expression, makes "
        "a bytes literal a str, and at STRICT drops None from a returned tuple and copies a returned module list "
        "(graph_syntax.json).",
        rewrite="Apply the decorator by a call, return tuples without None, keep bytes and module lists out of the graph.",
        verified_on="2.10.0",
        ast_pattern="A decorated nested def whose decorators are local functions; a bytes ast.Constant; in an entry "
        "graph, a return of a generator expression, of a tuple holding None, or of a module-level list.",
        rows=("statements.FunctionDef.decorated", "expressions.GeneratorExp.returned", "expressions.Constant.bytes",
              "statements.Return.nested_tuple", "builtins.None", "statements.Global.list_returned", "builtins.pow.modulo"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-jit-lambda",
        matcher=table.jit_lambdas,
        scope="module",
        kind="compile-error",
        levels=ALL,
        construct="ms.jit(lambda ...)",
        why="ms.jit re-parses a lambda from its source line and fails when the line holds the jit call too: 'Parse "
        "Lambda Function Fail ... defined on a separate line' (graph_syntax.json Lambda.jit_inline; inside construct "
        "Lambda.jit_in_construct fails as well). jit compiles in PyNative too, so the call fails there as well.",
        rewrite="def the function (or put the lambda alone on its own line) and pass its name: ms.jit(double).",
        verified_on="2.10.0",
        ast_pattern="ast.Call of ms.jit / jit / ms_function anywhere in the module whose first argument is an ast.Lambda.",
        raises=_err("TypeError"),
        pynative_raises="TypeError",
        rows=("expressions.Lambda.jit_inline", "expressions.Lambda.jit_in_construct"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-default-from-local",
        matcher=table.nested_defaults,
        kind="compile-error",
        levels=ALL,
        construct="nested def whose default reads a graph input",
        why="A default value of a def nested in graph code that reads an input or a local computed from one (its shape "
        "too) fails: 'Illegal AnfNode for evaluating' (graph_syntax.json FunctionDef.default_runtime_local; a default "
        "from a constant local works).",
        rewrite="Pass the value as an argument of the nested def.",
        verified_on="2.10.0",
        ast_pattern="A default of an ast.FunctionDef/ast.Lambda nested in a graph function that reads a parameter of "
        "the graph function or a local assigned from one.",
        not_reported=("defaults from constants, self attributes or locals assigned constants (FunctionDef.default_local)",),
        raises=_err("RuntimeError"),
        rows=("statements.FunctionDef.default_runtime_local", "statements.FunctionDef.default_shape_local"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-unsupported-attribute",
        matcher=table.object_attributes,
        kind="compile-error",
        levels=ALL,
        construct="attribute of a Parameter or Primitive the graph cannot read",
        why="In graph code a Parameter is a Tensor: its own attributes (name, requires_grad, layerwise_parallel, ...) "
        "fail (AttributeError at STRICT, RuntimeError at LAX); a Primitive is a function whose attributes and methods "
        "(name, attrs, add_prim_attr(...)) fail at every level (graph_syntax.json). PyNative reads them.",
        rewrite="Read or set them in __init__ and keep plain Python copies.",
        verified_on="2.10.0",
        ast_pattern="ast.Attribute `self.<p>.<a>` in graph code where __init__ assigns <p> a Parameter(...) and <a> has "
        "a failing row (the attributes Parameter has and Tensor has not), or a MindSpore Primitive (ops.ReLU()).",
        not_reported=("Tensor attributes of a Parameter: shape, dtype, ndim, size, T (Attribute.parameter_tensor_attributes)",),
        raises={"strict": "AttributeError", "compatible": "AttributeError", "lax": "RuntimeError"},
        rows=("expressions.Attribute.parameter_*", "expressions.Attribute.primitive_*"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-set-train",
        matcher=table.cell_mode_switches,
        kind="compile-error",
        levels=STRICTISH,
        differs=frozenset({"lax"}),
        construct="self.set_train()/set_grad() in graph code",
        why="set_train and set_grad assign plain Cell attributes: STRICT rejects that (TypeError); LAX compiles "
        "set_train(False) but the sub-cells keep training mode, so BatchNorm normalises with batch statistics "
        "(graph_syntax.json Expr.set_train). PyNative switches the mode.",
        rewrite="Call net.set_train(False) (or set_grad) on the Cell before calling it.",
        verified_on="2.10.0",
        ast_pattern="ast.Call `self.set_train(...)` or `self.set_grad(...)` in graph code, when the class does not "
        "define the method itself.",
        raises=_err("TypeError", STRICTISH),
        rows=("statements.Expr.set_train", "statements.Expr.set_grad"),
        message=TABLE_MESSAGE,
    ),
    GraphFact(
        symbol="ms-graph-loop-growing-tensor",
        matcher=table.growing_loops,
        kind="compile-error",
        levels=ALL,
        construct="tensor-condition while loop growing a tensor",
        why="A while loop on a tensor condition that concatenates a tensor to itself needs a new shape every iteration: "
        "'Exceed function call depth limit 1000' (graph_syntax.json While.grows_by_concat; a loop on a shape condition "
        "compiles).",
        rewrite="Loop a Python number of times (a static trip count), or preallocate and fill with masks.",
        verified_on="2.10.0",
        ast_pattern="ast.While in graph code with a tensor test whose body assigns a name ops.concat/ops.cat/ops.stack "
        "of a sequence that holds that name.",
        raises=_err("RuntimeError"),
        rows=("statements.While.grows_by_concat",),
        message=TABLE_MESSAGE,
    ),
]

NOT_FLAGGED: list[NotFlagged] = [
    NotFlagged("annotated assignment `y: Tensor = x * 2`", "p70_annassign, j17", "SG C3 lists AnnAssign; works."),
    NotFlagged(
        "Tensor default argument `b=Tensor(1.0)`",
        "p44t_default_tensor_arg, not_flagged/tensor_default.py",
        "ST says unsupported; works.",
    ),
    NotFlagged("slice(...) objects", "p54_slice_obj", "SG C5 lists slice; works."),
    NotFlagged("sorted/reversed/divmod on constants", "p80, p81, p83", "Constant-folded even under STRICT."),
    NotFlagged("complex(1, 2).imag", "p79_complex", "SG C4 lists complex; constant-folded."),
    NotFlagged(
        "set(<constant tuple>)",
        "not_flagged/set_call.py",
        "Builtin set() on constants is folded (the set literal is not).",
    ),
    NotFlagged(
        "hash(<constant>)", "not_flagged/hash_constant.py", "Constant-folded; equals Python's hash in the same process."
    ),
    NotFlagged(
        "Cell with keyword args in construct: nn.Softmax(axis=0)",
        "p36b_cell_kwargs_in_construct",
        "SG says Cell(arg=value) unsupported; works.",
    ),
    NotFlagged("chained comparison `0 < x.sum() < 10`", "p73_chained_compare", "FAQ r2.0: one operator only; works."),
    NotFlagged(
        "`is` comparing with a non-None constant (`self.mode is 'a'`)",
        "not_flagged/is_nonnone.py",
        "FAQ: `is` only with None/True/False; compiles and matches PyNative.",
    ),
    NotFlagged(
        "attributes/methods of a plain (non-jit_class) object", "p95_plain_obj_attr", "FAQ r2.0 needs jit_class; works."
    ),
    NotFlagged(
        "tensor-if branches with different shapes", "p23b_if_tensor_shape_mismatch", "FAQ 'Shape Join Failed'; works."
    ),
    NotFlagged("recursion ended by a tensor condition", "p61_recursion_tensor", "FAQ example; works."),
    NotFlagged(
        "numpy/math/random/time on literals only",
        "p25b, p26b",
        "C6 says LAX only; STRICT folds them (random/time: see ms-graph-python-random).",
    ),
    NotFlagged(
        "print('VAL', x)", "p30_print_tensor, not_flagged/print_tensor.py", "Prints every call; result identical."
    ),
    NotFlagged("while on a tensor condition", "p18, not_flagged/while_tensor.py", "Same result at every level."),
    NotFlagged("x.item(), float(x.sum()), int(x)", "p50_item, p50b_float_cast", "Supported without fallback."),
    NotFlagged("lambda on its own line, nested def/closure", "p10, p10c, p11", "ST lambda/def."),
    NotFlagged(
        "getattr on a NumPy array (`getattr(TABLE, 'shape')`)",
        "not_flagged/getattr_numpy.py",
        "FAQ r2.0: 'Do not support to get attribute from xxx object'; works.",
    ),
    NotFlagged(
        "an @ms.jit method, or a Cell called from a plain class, used in construct",
        "not_flagged/nested_jit_in_plain_class.py",
        "FAQ: 'Nested execution during JIT execution ... is not supported'; works.",
    ),
    NotFlagged(
        "np.add of constant arrays returned from @ms.jit",
        "not_flagged/numpy_return_from_jit.py",
        "TroubleShooter: 'Should not use Python object in runtime'; works.",
    ),
]


COVERAGE_STATUSES = {
    "rule": "reported by the rule(s) named",
    "works": "compiles and matches PyNative on 2.10",
    "needs-values": "depends on values, shapes or call structure a linter cannot see",
    "runtime-only": "an environment, export/load or device-runtime condition, not graph code",
    "outside-graph": "a Python error outside graph code that PyNative raises the same way",
    "pylint": "pylint itself reports it",
    "pending": "fails on 2.10 and is visible statically; no rule yet",
    "info": "not an error",
}


@dataclass(frozen=True)
class CoverageEntry:
    """One GRAPH_MODE error users report (TroubleShooter knowledge base, FAQ) and mslint's answer to it."""

    source: str
    id: str
    error: str
    status: str
    rule: str = ""
    evidence: str = ""
    note: str = ""
    count: int = 1  # knowledge-base entries this row answers


def coverage() -> list[CoverageEntry]:
    """The curated table mslint/knowledge/data/graph_coverage.toml."""
    text = data_text("graph_coverage.toml")
    return [CoverageEntry(**entry) for entry in tomllib.loads(text)["entry"]]
