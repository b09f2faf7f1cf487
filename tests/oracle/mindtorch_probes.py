"""One call per row of the MindTorch support sample (mindtorch_support.json, ``sample``), run under a torch layer.

Run as a script in the interpreter that has the layer; it prints JSON::

    python tests/oracle/mindtorch_probes.py --module torch                      # PyTorch itself (the control)
    python tests/oracle/mindtorch_probes.py --module mindtorch.torch            # MindTorch 0.4 (old import form)
    python tests/oracle/mindtorch_probes.py --enable "import mindnlp" --module torch

``{"error": null | "<last traceback line of the import>", "outcomes": {name: {"works": summary} | {"raises": "Type: message"}}}``.
A summary is the result as plain data (tensors as nested lists rounded to 4 places), so two layers' results compare.
This file imports no framework itself: the test imports it only for ``PROBES`` and ``verdict``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from typing import Any

# name -> expression; `torch`, `nn`, `F` are the layer's, sub("nn.utils.rnn") imports the layer's submodule,
# x = [[1, -2, 3], [-4, 5, -6]] (float32).
PROBES = {
    # Not Support rows
    "torch.Tensor.bitwise_right_shift": "torch.tensor([8, 4]).bitwise_right_shift(1)",
    "torch.Tensor.erfc": "x.erfc()",
    "torch.Tensor.geometric_": "x.clone().geometric_(0.5).shape",
    "torch.Tensor.i0": "x.i0()",
    "torch.Tensor.imag": "torch.tensor([1 + 2j]).imag",
    "torch.Tensor.indices": "torch.sparse_coo_tensor([[0, 1]], [1.0, 2.0], (3,)).coalesce().indices()",
    "torch.Tensor.lcm": "torch.tensor([4, 6]).lcm(torch.tensor([6, 4]))",
    "torch.Tensor.log_": "x.abs().log_()",
    "torch.Tensor.movedim": "torch.ones(2, 3, 4).movedim(0, 2).shape",
    "torch.Tensor.multiply_": "x.clone().multiply_(2)",
    "torch.Tensor.new_full": "x.new_full((2, 2), 3.0)",
    "torch.Tensor.put_": "x.clone().put_(torch.tensor([0, 5]), torch.tensor([9.0, 9.0]))",
    "torch.Tensor.signbit": "x.signbit()",
    "torch.Tensor.size": "x.size(1)",
    "torch.Tensor.triu": "x.triu()",
    "torch.Tensor.true_divide": "x.true_divide(2)",
    "torch.are_deterministic_algorithms_enabled": "torch.are_deterministic_algorithms_enabled()",
    "torch.conj_physical": "torch.conj_physical(x)",
    "torch.cumulative_trapezoid": "torch.cumulative_trapezoid(x)",
    "torch.diagonal": "torch.diagonal(x)",
    "torch.diagonal_scatter": "torch.diagonal_scatter(torch.zeros(2, 2), torch.ones(2))",
    "torch.frexp": "torch.frexp(x)",
    "torch.is_tensor": "torch.is_tensor(x)",
    "torch.nn.DataParallel": "nn.DataParallel(nn.Identity())(x)",
    "torch.nn.LazyInstanceNorm3d": "nn.LazyInstanceNorm3d()(torch.ones(1, 2, 2, 2, 2)).shape",
    "torch.nn.Softmin": "nn.Softmin(dim=1)(x)",
    "torch.nn.functional.hardtanh_": "F.hardtanh_(x.clone())",
    "torch.nn.functional.multilabel_margin_loss": "F.multilabel_margin_loss(x, torch.tensor([[0, -1, 1], [2, -1, 0]]))",
    "torch.nn.functional.rms_norm": "F.rms_norm(x, (3,))",
    "torch.nn.functional.tanhshrink": "F.tanhshrink(x)",
    "torch.nn.functional.upsample_nearest": "F.upsample_nearest(torch.ones(1, 1, 2, 2), scale_factor=2).shape",
    "torch.nn.utils.parametrizations.spectral_norm": "sub('nn.utils.parametrizations').spectral_norm(nn.Linear(3, 2)).weight.shape",
    "torch.nn.utils.parametrize.is_parametrized": "sub('nn.utils.parametrize').is_parametrized(nn.Linear(3, 2))",
    "torch.nn.utils.prune.CustomFromMask": "sub('nn.utils.prune').CustomFromMask.apply(nn.Linear(3, 2), 'weight', torch.ones(2, 3)).mask.shape",
    "torch.nn.utils.rnn.pack_padded_sequence": "sub('nn.utils.rnn').pack_padded_sequence(torch.ones(3, 2, 4), [3, 2]).data.shape",
    "torch.nn.utils.rnn.unpad_sequence": "[t.shape for t in sub('nn.utils.rnn').unpad_sequence(torch.ones(3, 2, 4), torch.tensor([3, 2]))]",
    "torch.nn.utils.skip_init": "torch.nn.utils.skip_init(nn.Linear, 3, 2).weight.shape",
    "torch.optim.Optimizer.step": "torch.optim.SGD([nn.Parameter(torch.ones(2))], lr=0.1).step()",
    "torch.rot90": "torch.rot90(x)",
    "torch.signbit": "torch.signbit(x)",
    # Stable rows
    "torch.Tensor.square": "x.square()",
    "torch.argmin": "torch.argmin(x, dim=1)",
    "torch.atan2": "torch.atan2(x, torch.ones(2, 3))",
    "torch.cosh": "torch.cosh(x)",
    "torch.count_nonzero": "torch.count_nonzero(torch.tensor([[0, 1], [2, 0]]), dim=0)",
    "torch.div": "torch.div(x, 4, rounding_mode='floor')",
    "torch.erf": "torch.erf(x)",
    "torch.logical_or": "torch.logical_or(x > 0, x < -3)",
    "torch.lt": "torch.lt(x, 0)",
    "torch.masked_select": "torch.masked_select(x, x > 0)",
    "torch.mean": "torch.mean(x, dim=0, keepdim=True)",
    "torch.min": "torch.min(x, dim=1)",
    "torch.nn.Identity": "nn.Identity()(x)",
    "torch.nn.functional.avg_pool2d": "F.avg_pool2d(torch.arange(16.0).reshape(1, 1, 4, 4), 2)",
    "torch.nn.functional.batch_norm": "F.batch_norm(x, torch.zeros(3), torch.ones(3))",
    "torch.nn.functional.binary_cross_entropy_with_logits": "F.binary_cross_entropy_with_logits(x, torch.ones(2, 3))",
    "torch.nn.functional.grid_sample": "F.grid_sample(torch.arange(4.0).reshape(1, 1, 2, 2), torch.full((1, 1, 1, 2), 0.5))",
    "torch.nn.functional.one_hot": "F.one_hot(torch.tensor([0, 2]), 3)",
    "torch.sign": "torch.sign(x)",
    "torch.tril": "torch.tril(x)",
}


def summary(value: Any) -> Any:
    """``value`` as JSON data: tensors and arrays as nested lists (floats rounded), sequences element-wise."""
    if hasattr(value, "tolist") and not isinstance(value, (int, float, bool)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [summary(item) for item in value]
    if isinstance(value, float):
        return round(value, 4)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return type(value).__name__


def verdict(status: str, outcome: dict[str, Any], control: dict[str, Any]) -> str:
    """Whether a layer's outcome bears out the table: ``confirmed`` or ``contradicted: <why>``.

    ``control`` is PyTorch's outcome of the same call. Not Support is confirmed by an exception; Stable by the result
    PyTorch gives; Beta rows are not sampled.
    """
    if status == "not-supported":
        return "confirmed" if "raises" in outcome else "contradicted: works"
    if "raises" in outcome:
        return f"contradicted: {outcome['raises']}"
    return "confirmed" if outcome == control else f"contradicted: {outcome['works']!r} where PyTorch gives {control['works']!r}"


def run(module: str, enable: str) -> dict[str, Any]:
    try:
        if enable:
            exec(enable, {})  # noqa: S102 - the layer's documented switch, e.g. "import mindnlp"
        torch = importlib.import_module(module)
    except Exception:  # noqa: BLE001 - any import failure (a TypeError for MindNLP) is the answer
        return {"error": traceback.format_exc().strip().splitlines()[-1], "outcomes": {}}
    scope = {"torch": torch, "nn": torch.nn, "F": torch.nn.functional, "sub": lambda path: importlib.import_module(f"{module}.{path}")}
    scope["x"] = torch.tensor([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]])
    outcomes: dict[str, Any] = {}
    for name, expression in PROBES.items():
        try:
            outcomes[name] = {"works": summary(eval(expression, scope))}  # the probes above
        except Exception as error:  # noqa: BLE001 - recorded as the outcome
            outcomes[name] = {"raises": f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}".strip()}
    return {"error": None, "outcomes": outcomes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="torch", help="the module to call as torch")
    parser.add_argument("--enable", default="", help="Python statement to run first (the layer's switch)")
    args = parser.parse_args()
    json.dump(run(args.module, args.enable), sys.stdout, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
