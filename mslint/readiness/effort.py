"""Effort model: how much work each API use and risk is, by the kind of change it needs (see docs/readiness.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mslint.knowledge.mappings import load_torch_mapping
from mslint.readiness.uses import AUTO, NONE, TENSOR, UNKNOWN, Use

if TYPE_CHECKING:
    from mslint.readiness.scan import Risk

MECHANICAL, ARGUMENTS, SEMANTIC, REWRITE, LOOKUP = "mechanical", "arguments", "semantic", "rewrite", "lookup"
# Units of effort per use, by the kind of change: a rename (or a dropped decorator) < changed arguments <
# different behaviour to check < no counterpart to write; an API the knowledge base does not know has to be looked up.
WEIGHTS = {MECHANICAL: 1.0, ARGUMENTS: 2.0, SEMANTIC: 4.0, REWRITE: 8.0, LOOKUP: 2.0}
# A method call on a receiver of unknown type is a Tensor method only maybe (``d.values()`` on a dict).
TENSOR_LIKELIHOOD = 0.5
# Each risk: graph-mode code to restructure, an op without a kernel on the device, a porting-rule finding.
RISK_WEIGHTS = {"graph": 4.0, "target": 4.0, "porting": 2.0}
KIND_CHANGE = {"exact": ARGUMENTS, "renamed-args": ARGUMENTS, "semantic-diff": SEMANTIC, "no-equivalent": REWRITE,
               "same-name": ARGUMENTS}
# What a unit is in time: a mechanical change (a rename) made and checked by running the code takes about 6 minutes of
# an engineer who knows both frameworks; a day has 6 working hours on the port. Assumptions, stated in every report.
HOURS_PER_UNIT = 0.1
HOURS_PER_DAY = 6.0
UNIT_BASIS = (f"1 effort unit = {HOURS_PER_UNIT:g} h, the time to make and check a mechanical rename; a day = "
              f"{HOURS_PER_DAY:g} working hours (docs/readiness.md)")


@dataclass(frozen=True)
class Override:
    """The kind of change an API really needs when the knowledge base's mapping kind overstates it."""

    api: str
    change: str
    reason: str


# Each reason restates the knowledge base's own advice for the API (mslint/knowledge/data/torch_mapping_curated.toml).
OVERRIDES = {
    row.api: row
    for row in (
        Override("torch.jit.ignore", MECHANICAL, "drop the decorator: MindSpore compiles only construct and what it calls"),
        Override("torch.jit.unused", MECHANICAL, "drop the decorator: MindSpore compiles only construct and what it calls"),
        Override("torch.jit.export", MECHANICAL, "drop the decorator (TorchScript export marker)"),
        Override("torch.jit.is_scripting", MECHANICAL, "replace the call by False: there is no TorchScript"),
        Override("torch.jit.is_tracing", MECHANICAL, "replace the call by False: there is no TorchScript tracing"),
        Override("torch.jit.annotate", MECHANICAL, "keep the value: torch.jit.annotate(T, v) -> v"),
        Override("torch._assert", MECHANICAL, "write a plain assert cond, msg"),
        Override("torch.no_grad", MECHANICAL, "delete the with line: MindSpore computes gradients only through grad/value_and_grad"),
        Override("torch.nn.Module", ARGUMENTS, "one pattern per class: base nn.Cell, forward -> construct, set_train() before training"),
    )
}


def change_of(use: Use) -> str:
    """The kind of change one use needs."""
    override = OVERRIDES.get(use.api)
    if override is not None:
        return override.change
    if use.status == AUTO or (use.status == TENSOR and use.kind == "exact"):
        return MECHANICAL
    if use.status == UNKNOWN or use.kind is None:
        return LOOKUP
    if use.status == NONE:
        return REWRITE
    if use.kind == "semantic-diff" and _argument_level(use.api):
        return ARGUMENTS
    return KIND_CHANGE[use.kind]


def _argument_level(api: str) -> bool:
    """A semantic difference the knowledge base pins to arguments (renamed keywords, defaults to pass explicitly)."""
    entry = load_torch_mapping().get(api)
    return entry is not None and bool(entry.kwargs_change or entry.defaults_diff)


def _likelihood(use: Use) -> float:
    return TENSOR_LIKELIHOOD if use.status == TENSOR else 1.0


def use_effort(use: Use) -> float:
    """Units of effort of one use: the weight of its change, halved for a possible Tensor method."""
    return _likelihood(use) * WEIGHTS[change_of(use)]


def mechanical_effort(use: Use) -> float:
    """What the use would cost if it were a plain rename: the score's yardstick."""
    return _likelihood(use) * WEIGHTS[MECHANICAL]


def risk_effort(risk: Risk) -> float:
    return RISK_WEIGHTS[risk.kind]


def hours(units: float) -> dict[str, float]:
    """Effort units in hours and days (``HOURS_PER_UNIT``, ``HOURS_PER_DAY``), rounded to 0.1."""
    return {"hours": round(units * HOURS_PER_UNIT, 1), "days": round(units * HOURS_PER_UNIT / HOURS_PER_DAY, 1)}


def override_reason(api: str) -> str | None:
    override = OVERRIDES.get(api)
    return override.reason if override else None
