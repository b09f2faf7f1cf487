"""PaConvert-style oracle: every ``verified`` mapping entry must reproduce torch on CPU.

The MindSpore call is derived from the entry's data only (torch_args -> keywords, defaults_diff,
kwargs_change, ms_args), in four call variants: all positional, all keyword, keywords reordered,
defaults omitted. tests/test_knowledge.py checks that the verified entries and the cases agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import require

require("torch")
ms = require("mindspore")

# after the frameworks are known to be there: the harness imports numpy, which comes with MindSpore
from oracle_cases import CASES  # noqa: E402
from oracle_harness import VARIANTS, run_case  # noqa: E402

MAPPING = json.loads((Path(__file__).resolve().parents[2] / "mslint" / "knowledge" / "data" / "torch_mapping.json").read_text(encoding="utf-8"))["entries"]
VERIFIED = sorted(name for name, e in MAPPING.items() if e["verified"])


@pytest.fixture(autouse=True, scope="module")
def _pynative() -> None:
    ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("torch_name", VERIFIED)
def test_entry_matches_torch(torch_name: str, variant: str) -> None:
    run_case(torch_name, MAPPING[torch_name], CASES[torch_name], variant)
