"""Shared setup for the oracle tests, which run MindSpore (and PyTorch): quiet logs, harness on sys.path.

Every test here needs MindSpore: without it the tests are skipped, or fail when CI=true. Checks that need
neither framework live in tests/, outside this folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers import require

os.environ.setdefault("GLOG_v", "3")
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True, scope="session")
def _mindspore_installed() -> None:
    require("mindspore")
