"""One pylint checker per rule family: porting (72xx), graph mode (73xx), Ascend and ops (74xx), TensorFlow (75xx),
suppressions (76xx), MindTorch (77xx)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mslint.engine.checker import MslintChecker
from mslint.rules.ascend import AscendChecker
from mslint.rules.graph import GraphChecker
from mslint.rules.mindtorch import MindTorchChecker
from mslint.rules.porting import PortingChecker
from mslint.rules.suppressions import SuppressionChecker
from mslint.rules.tensorflow import TensorFlowChecker

if TYPE_CHECKING:
    from pylint.lint import PyLinter

# SuppressionChecker last: its leave_module runs after every other checker has reported on the module.
ALL_CHECKERS = (PortingChecker, GraphChecker, AscendChecker, TensorFlowChecker, MindTorchChecker, SuppressionChecker)


def register_checkers(linter: PyLinter) -> None:
    linter.register_checker(MslintChecker(linter))
    for checker in ALL_CHECKERS:
        linter.register_checker(checker(linter))
