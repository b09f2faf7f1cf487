"""Shared setup for the oracle tests: quiet MindSpore logs, PyNative mode, harness on sys.path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("GLOG_v", "3")
sys.path.insert(0, str(Path(__file__).resolve().parent))
