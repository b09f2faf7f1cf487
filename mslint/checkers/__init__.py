"""One pylint checker per rule family: porting (72xx), graph mode (73xx), Ascend and ops (74xx), TensorFlow (75xx),
suppressions (76xx)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mslint.checkers.ascend import AscendChecker
from mslint.checkers.base import MslintChecker
from mslint.checkers.graph import GraphChecker
from mslint.checkers.porting import PortingChecker
from mslint.checkers.suppressions import SuppressionChecker
from mslint.checkers.tensorflow import TensorFlowChecker

if TYPE_CHECKING:
    from pylint.lint import PyLinter

# SuppressionChecker last: its leave_module runs after every other checker has reported on the module.
ALL_CHECKERS = (PortingChecker, GraphChecker, AscendChecker, TensorFlowChecker, SuppressionChecker)


def register_checkers(linter: PyLinter) -> None:
    linter.register_checker(MslintChecker(linter))
    for checker in ALL_CHECKERS:
        linter.register_checker(checker(linter))
