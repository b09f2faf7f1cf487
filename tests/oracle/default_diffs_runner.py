"""Run a torch API with its defaults and its MindSpore counterpart on the same inputs, and compare.

Shared by ``scripts/gen_default_diffs.py`` (which decides which MindSpore keyword values to try) and
``test_default_diffs_data.py`` (which re-runs the recorded rows). A job is one torch -> MindSpore pair:

  ``torch``, ``ms``   qualified names;
  ``translation``     the mapping's ``torch_args``, ``ms_args``, ``kwargs_change``, ``unsupported_args``;
  ``case``            inputs in the oracle case format (``oracle_harness.py``), required arguments only:
                      ``args`` (constructor arguments for layers), ``self`` (Tensor methods), ``call`` (layer
                      inputs), ``optimizer`` (shapes of the parameters an optimizer updates for 3 steps),
                      ``compare: "stats"`` for random results (mean, std and zero fraction are compared),
                      ``train: False`` to run layers in inference mode (layers with dropout inside).

The MindSpore call is the mapping's translation of the torch call; ``overrides`` add MindSpore keywords
given as Python expressions (``"0.01"``, ``"kernel_size"``: a torch argument, ``"Normal(1.0)"``: an initializer).
Layers run in training mode in both frameworks (torch's default); MindSpore gets torch's initial parameters
(matched by name, then by order and size) and the comparison includes the parameters after the call, so
running-statistics updates count, and the number of parameters (an extra or missing bias is a difference).
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from oracle_harness import Call, convert, materialise, resolve, to_numpy, torch_variant, translate

RTOL, ATOL = 1e-4, 1e-5
STATS_TOL = 0.03
OPTIMIZER_STEPS = 3
INIT_INSTANCES = 8
KS_P_DIFFERS = 1e-4  # initial values differ in distribution below this two-sample Kolmogorov-Smirnov p-value
# MindSpore parameter names that hold what torch calls by the name on the right.
PARAM_SYNONYMS = {"gamma": "weight", "beta": "bias", "moving_mean": "running_mean", "moving_variance": "running_var",
                  "embedding_table": "weight", "w": "weight"}


@dataclass(frozen=True)
class Outcome:
    """One MindSpore run compared with torch: ``agree``; ``max_abs_diff`` (two significant digits, 0 up to ATOL;
    None when shapes or structure differ, see ``note``); ``error`` when the MindSpore call raised."""

    agree: bool
    max_abs_diff: float | None = None
    note: str = ""
    error: str | None = None


def short_error(exc: BaseException) -> str:
    """The message of an exception without MindSpore's framing: its sections start with a rule of dashes and a
    ``- Title:`` line; the title and the first line after it say what failed, the C++ call stack does not."""
    lines = [line.strip() for line in str(exc).splitlines()]
    lines = [line for line in lines if line and not set(line) <= {"-"}]
    text = lines[0].lstrip("- ") if lines else ""
    if text.endswith(":") and len(lines) > 1:
        text = f"{text} {lines[1]}"
    # which of an op's kernels is tried first varies between runs (MedianExt, MedianDim): the data must not
    text = _KERNEL_NAME.sub("The kernel of the op is unregistered", text)
    return f"{type(exc).__name__}: {text[:200]}"


_KERNEL_NAME = re.compile(r"The kernel \w+ unregistered")


def pending_error() -> str:
    """The error of an earlier MindSpore op that surfaces only when the next op runs ("" when there is none):
    PyNative reports some kernel failures asynchronously, so every run is followed by a trivial op."""
    import mindspore as ms

    try:
        return "" if float(ms.ops.add(ms.Tensor(1.0), ms.Tensor(2.0)).asnumpy()) == 3.0 else "1 + 2 != 3"
    except Exception as exc:  # noqa: BLE001 - the late error is the observation
        return short_error(exc)


def flatten(value: Any) -> list[np.ndarray]:
    """Nested tuples of results as a flat list of float64 arrays."""
    if isinstance(value, (tuple, list)):
        return [a for v in value for a in flatten(v)]
    return [np.asarray(value).astype(np.float64)]


def stats(array: np.ndarray) -> np.ndarray:
    """Summary compared for random results."""
    return np.array([array.mean(), array.std(), (array == 0).mean()]) if array.size else np.zeros(3)


def compare(expected: list[np.ndarray], actual: list[np.ndarray], by_stats: bool) -> Outcome:
    """Compare flat result lists."""
    if len(expected) != len(actual):
        return Outcome(False, note=f"{len(actual)} results, torch {len(expected)}")
    worst, agree = 0.0, True
    for e, a in zip(expected, actual):
        if by_stats:
            e, a = stats(e), stats(a)
        if e.shape != a.shape:
            return Outcome(False, note=f"shape {a.shape}, torch {e.shape}")
        both_nan = np.isnan(e) & np.isnan(a)
        diff = np.where(both_nan, 0.0, np.abs(e - a))
        diff = np.nan_to_num(diff, nan=np.inf)
        worst = max(worst, float(diff.max(initial=0.0)))
        tol = STATS_TOL if by_stats else ATOL + RTOL * np.abs(np.nan_to_num(e))
        agree = agree and bool(np.all(diff <= tol))
    return Outcome(agree, float(f"{worst:.2g}") if worst > ATOL else 0.0)  # rounding noise is not recorded: it varies


def param_key(name: str) -> str:
    """Parameter name with MindSpore's names for torch's (``gamma`` -> ``weight``)."""
    *prefix, last = name.split(".")
    return ".".join([*prefix, PARAM_SYNONYMS.get(last, last)])


def same_parameter(torch_name: str, ms_name: str) -> bool:
    """Same name after synonyms, or one ends with the other (MindSpore wraps some layers: ``bn2d.gamma``)."""
    key = param_key(ms_name)
    return key == torch_name or key.endswith("." + torch_name) or torch_name.endswith("." + key)


def match_parameters(torch_names: list[str], torch_sizes: list[int], ms_names: list[str], ms_sizes: list[int]) -> list[tuple[int, int]]:
    """Pairs (torch index, MindSpore index): same name (after synonyms), then in order with the same size."""
    pairs: list[tuple[int, int]] = []
    for j, m in enumerate(ms_names):
        hits = [i for i, t in enumerate(torch_names) if same_parameter(t, m) and torch_sizes[i] == ms_sizes[j]]
        if len(hits) == 1 and hits[0] not in {i for i, _ in pairs}:
            pairs.append((hits[0], j))
    used_t, used_m = {t for t, _ in pairs}, {m for _, m in pairs}
    rest_t = [i for i in range(len(torch_names)) if i not in used_t]
    for j in (j for j in range(len(ms_names)) if j not in used_m):
        hit = next((i for i in rest_t if torch_sizes[i] == ms_sizes[j]), None)
        if hit is not None:
            rest_t = rest_t[rest_t.index(hit) + 1:]
            pairs.append((hit, j))
    return sorted(pairs, key=lambda p: p[1])


def float_parameters(cell: Any) -> list[tuple[str, Any]]:
    """A Cell's floating-point parameters (torch keeps its integer buffers apart: ``num_batches_tracked``)."""
    import mindspore as ms

    floats = (ms.float16, ms.float32, ms.float64, ms.bfloat16)
    return [(name, p) for name, p in cell.parameters_and_names() if p.dtype in floats]


def as_tuples(value: Any) -> Any:
    """JSON lists of literals back to tuples (lists of tensor specs stay lists: tensor sequences)."""
    if isinstance(value, dict):
        return {k: as_tuples(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [as_tuples(v) for v in value]
        return items if any(isinstance(v, str) for v in items) else tuple(items)
    return value


def expression_scope(named: dict[str, Any], call: list[Any]) -> dict[str, Any]:
    """Names an override expression may use: the torch call's arguments, ``call`` (a layer's inputs), ``math``,
    ``mindspore`` and its initializers."""
    import mindspore
    from mindspore.common import initializer

    scope: dict[str, Any] = {name: getattr(initializer, name) for name in initializer.__all__}
    return {**scope, "math": math, "mindspore": mindspore, "call": call, **named}


def invoke(fn: Any, call: Call, framework: str) -> Any:
    """Call ``fn`` with ``call``'s arguments as ``framework`` tensors."""
    return fn(*convert(call.args, framework), **{k: convert(v, framework) for k, v in call.kwargs.items()})


def build(qual: str, call: Call, framework: str) -> Any:
    """Call the layer class, optimizer or function named ``qual``."""
    return invoke(resolve(qual), call, framework)


def torch_state(module: Any) -> dict[str, np.ndarray]:
    """A torch module's floating-point parameters and buffers by name."""
    return {n: t.detach().numpy().copy() for n, t in module.state_dict().items() if t.is_floating_point()}


def case_kind(torch_name: str, case: dict[str, Any]) -> str:
    """optimizer | layer | method | function."""
    if "optimizer" in case:
        return "optimizer"
    if torch_name.startswith("torch.Tensor."):
        return "method"
    return "layer" if "call" in case else "function"


class Pair:
    """A job with its torch result computed once; ``run`` tries MindSpore keyword overrides against it."""

    def __init__(self, job: dict[str, Any]) -> None:
        import torch

        self.job, self.case = job, as_tuples(job["case"])
        self.kind = case_kind(job["torch"], self.case)
        self.by_stats = self.case.get("compare") == "stats"
        self.data = materialise({k: self.case[k] for k in ("self", "args", "call") if k in self.case}, np.random.default_rng(0))
        self.torch_call = torch_variant(job["translation"]["torch_args"] or [], self.data.get("args", {}), {}, "keyword")
        rng = np.random.default_rng(1)
        shapes = self.case.get("optimizer", [])
        self.opt_params = [rng.uniform(-0.9, 0.9, s).astype(np.float32) for s in shapes]
        self.opt_grads = [[rng.uniform(-0.9, 0.9, s).astype(np.float32) for s in shapes] for _ in range(OPTIMIZER_STEPS)]
        self.torch_after: dict[str, np.ndarray] = {}
        self.ms_param_names: list[str] = []
        self.outcomes: dict[tuple[tuple[str, str], ...], Outcome] = {}
        torch.manual_seed(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.expected, self.torch_params = self._run_torch()

    def named(self) -> dict[str, Any]:
        """The torch call's arguments by name (tensors as numpy arrays)."""
        return dict(self.data.get("args", {}))

    @property
    def train(self) -> bool:
        """Whether layers run in training mode."""
        return bool(self.case.get("train", True))

    def _run_torch(self) -> tuple[Any, dict[str, np.ndarray]]:
        """torch results; for layers also the parameters before (returned) and after the call (``torch_after``)."""
        import torch

        if self.kind == "optimizer":
            params = [torch.nn.Parameter(torch.from_numpy(p.copy())) for p in self.opt_params]
            opt = build(self.job["torch"], Call((params, *self.torch_call.args), self.torch_call.kwargs), "torch")
            for grads in self.opt_grads:
                for p, g in zip(params, grads):
                    p.grad = torch.from_numpy(g.copy())
                opt.step()
            return [p.detach().numpy() for p in params], {}
        if self.kind == "method":
            method = getattr(convert(self.data["self"], "torch"), self.job["torch"].rsplit(".", 1)[1])
            return to_numpy(invoke(method, self.torch_call, "torch")), {}
        if self.kind == "function":
            return to_numpy(build(self.job["torch"], self.torch_call, "torch")), {}
        module = build(self.job["torch"], self.torch_call, "torch")
        module.train(self.train)
        before = torch_state(module)
        out = to_numpy(module(*convert(self.data["call"], "torch")))
        self.torch_after = {n: v for n, v in torch_state(module).items() if n in before}
        return out, before

    def ms_call(self, overrides: dict[str, str]) -> Call:
        """The mapping's translation of the torch call, with ``overrides`` (MindSpore keyword -> expression)."""
        translation = {**self.job["translation"], "defaults_diff": {}}
        call = translate(translation, self.torch_call, keyword_style=True)
        scope = expression_scope(self.named(), self.data.get("call", []))
        extra = {name: eval(expr, {"__builtins__": {}}, scope) for name, expr in overrides.items()}
        return Call(call.args, {**call.kwargs, **extra})

    def run(self, overrides: dict[str, str]) -> Outcome:
        """Run MindSpore with ``overrides`` and compare with torch (each set of overrides runs once)."""
        key = tuple(sorted(overrides.items()))
        if key not in self.outcomes:
            self.outcomes[key] = self._run(overrides)
        return self.outcomes[key]

    def _run(self, overrides: dict[str, str]) -> Outcome:
        """One MindSpore run compared with torch."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                actual = self._run_ms(self.ms_call(overrides))
        except Exception as exc:  # noqa: BLE001 - any failure of the MindSpore call is the observation
            pending_error()
            return Outcome(False, error=short_error(exc))
        if late := pending_error():
            return Outcome(False, error=late)
        outcome = compare(flatten(self._expected_for(actual)), flatten(actual[0]), self.by_stats)
        if self.kind == "layer" and len(self.ms_param_names) != len(self.torch_params):
            names = ", ".join(self.ms_param_names) or "none"
            note = f"{len(self.ms_param_names)} MindSpore parameters ({names}), torch {len(self.torch_params)} ({', '.join(self.torch_params) or 'none'})"
            return Outcome(False, outcome.max_abs_diff, "; ".join(filter(None, [outcome.note, note])))
        return outcome

    def _expected_for(self, actual: tuple[Any, list[int]]) -> Any:
        """torch results, plus the torch parameters after the call that MindSpore parameters were matched to."""
        if self.kind != "layer":
            return self.expected
        names = list(self.torch_params)
        return [self.expected, [self.torch_after[names[i]] for i in actual[1]]]

    def _run_ms(self, call: Call) -> tuple[Any, list[int]]:
        """MindSpore results (for layers with the matched parameters after the call) and matched torch indices."""
        import mindspore as ms

        ms.set_seed(0)
        if self.kind == "optimizer":
            params = [ms.Parameter(ms.Tensor(p.copy()), name=f"p{i}") for i, p in enumerate(self.opt_params)]
            opt = build(self.job["ms"], Call((params, *call.args), call.kwargs), "ms")
            for grads in self.opt_grads:
                opt(tuple(ms.Tensor(g.copy()) for g in grads))
            return [p.asnumpy() for p in params], []
        if self.kind == "method":
            receiver = convert(self.data["self"], "ms")
            if self.job["ms"].startswith("mindspore.Tensor."):
                return to_numpy(invoke(getattr(receiver, self.job["ms"].rsplit(".", 1)[1]), call, "ms")), []
            return to_numpy(build(self.job["ms"], Call((receiver, *call.args), call.kwargs), "ms")), []
        if self.kind == "function":
            return to_numpy(build(self.job["ms"], call, "ms")), []
        cell = build(self.job["ms"], call, "ms")
        cell.set_train(self.train)
        ms_params = float_parameters(cell)
        self.ms_param_names = [n for n, _ in ms_params]
        t_names = list(self.torch_params)
        pairs = match_parameters(t_names, [self.torch_params[n].size for n in t_names],
                                 [n for n, _ in ms_params], [int(np.prod(p.shape)) for _, p in ms_params])
        for i, j in pairs:
            param = ms_params[j][1]
            param.set_data(ms.Tensor(self.torch_params[t_names[i]].reshape(param.shape), dtype=param.dtype))
        out = to_numpy(cell(*convert(self.data["call"], "ms")))
        after = [ms_params[j][1].asnumpy().reshape(self.torch_params[t_names[i]].shape) for i, j in pairs]
        return [out, after], [i for i, _ in pairs]

    def init_samples(self, overrides: dict[str, str], instances: int) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """(MindSpore parameter, torch values, MindSpore values): initial values of ``instances`` fresh layers each."""
        import mindspore as ms
        import torch

        call = self.ms_call(overrides)
        pooled: dict[str, tuple[list[np.ndarray], list[np.ndarray]]] = {}
        for seed in range(instances):
            torch.manual_seed(seed)
            state = torch_state(build(self.job["torch"], self.torch_call, "torch"))
            ms.set_seed(seed)
            params = float_parameters(build(self.job["ms"], call, "ms"))
            names = list(state)
            for i, j in match_parameters(names, [state[n].size for n in names], [n for n, _ in params], [int(np.prod(p.shape)) for _, p in params]):
                t_vals, m_vals = pooled.setdefault(params[j][0], ([], []))
                t_vals.append(state[names[i]].ravel())
                m_vals.append(params[j][1].asnumpy().astype(np.float64).ravel())
        return [(name, np.concatenate(t).astype(np.float64), np.concatenate(m)) for name, (t, m) in pooled.items()]


def summary(values: np.ndarray) -> dict[str, float]:
    """Mean, std, min, max to two significant digits."""
    return {k: float(f"{float(f()):.2g}") for k, f in (("mean", values.mean), ("std", values.std), ("min", values.min), ("max", values.max))}


def init_comparison(pair: Pair, overrides: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Per MindSpore parameter: two-sample Kolmogorov-Smirnov p-value (1 for identical values, 0 for a constant
    against a spread) and summaries of torch's and MindSpore's initial values."""
    from scipy.stats import ks_2samp

    out: dict[str, dict[str, Any]] = {}
    for ms_name, torch_values, ms_values in pair.init_samples(overrides, INIT_INSTANCES):
        if torch_values.shape == ms_values.shape and bool((torch_values == ms_values).all()):
            p = 1.0
        elif torch_values.std() == 0 or ms_values.std() == 0:
            p = 0.0  # a constant against a spread (torch zeroes a bias MindSpore draws) however few the samples
        else:
            p = float(ks_2samp(torch_values, ms_values).pvalue)
        out[ms_name] = {"ks_p": float(f"{p:.2g}"), "torch": summary(torch_values), "ms": summary(ms_values)}
    return out
