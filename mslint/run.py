"""The lint run: mslint's rules over files, as the CLI, ``mslint readiness`` and long-lived callers use it.

``lint(paths, settings)`` is the stable entry point. Each call is self-contained: settings travel as arguments,
pylint gets a fresh linter, and astroid's caches and module denylist are restored afterwards, so a process can
lint again (after the files changed) and still run a plain ``pylint --load-plugins=mslint`` unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mslint import config
from mslint.findings import Finding, findings_of, source_of
from mslint.patches import with_project_patches
from mslint.screening import depth_reason, python_files, too_deep, unreadable

FRAMEWORK_PACKAGES = ("mindspore", "torch")


@dataclass(frozen=True)
class LintSettings:
    """What a caller asks of one lint run; unset values (``None``, ``()``) leave the choice to the nearest
    ``[tool.mslint]``, then to the defaults. ``select`` (the rules to run instead of the defaults),
    ``extend_select`` and ``ignore`` hold rule symbols, ids or prefixes, as Ruff's options do."""

    mindspore_version: str | None = None
    target: str | None = None
    profile: str | None = None
    origin: str | None = None
    jit_syntax_level: str | None = None
    graph_mode: str | None = None
    patched_apis: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    jobs: int = 1
    extend_select: tuple[str, ...] = ()

    def configuration(self) -> dict[str, Any]:
        """The values that are set, keyed like ``[tool.mslint]`` (``extend_select``/``ignore`` are ``enable``/``disable``)."""
        values = {
            "mindspore-version": self.mindspore_version,
            "target": self.target,
            "profile": self.profile,
            "origin": self.origin,
            "jit-syntax-level": self.jit_syntax_level,
            "graph-mode": self.graph_mode,
            "patched-apis": self.patched_apis,
            "select": self.select,
            "enable": self.extend_select,
            "disable": self.ignore,
        }
        return {key: value for key, value in values.items() if value is not None and value != ()}

    def effective(self, start: Path | None = None) -> config.Settings:
        """The settings the rules will see, merged with the ``[tool.mslint]`` nearest to ``start``; raises
        ``config.ConfigError`` for a bad value here or there."""
        return config.settings_for(self.configuration(), start)

    def pylint_arguments(self) -> list[str]:
        """The ``--mslint-*`` and ``--jobs`` arguments that give pylint these settings."""
        arguments = [f"--jobs={self.jobs}"]
        for key, value in self.configuration().items():
            arguments.append(f"--mslint-{key}={','.join(value) if isinstance(value, tuple) else value}")
        return arguments


class _FrameworkDenylist(set):
    """astroid's module denylist, extended to whole packages: mslint never needs their sources."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.split(".")[0] in FRAMEWORK_PACKAGES or super().__contains__(name)


@contextmanager
def frameworks_kept_out_of_astroid() -> Iterator[None]:
    """Within the block astroid never builds MindSpore or PyTorch sources (mslint resolves their names through
    imports). Re-entrant: only the outermost block installs the denylist; on leaving it, the previous denylist
    comes back and the modules built and inferences made inside are dropped, so none outlives the block (and a
    file changed since is read again)."""
    import astroid
    from astroid.context import _invalidate_cache
    from astroid.inference_tip import clear_inference_tip_cache
    from astroid.manager import AstroidManager

    manager = astroid.MANAGER
    previous = manager.module_denylist
    if isinstance(previous, _FrameworkDenylist):
        yield
        return
    known = set(manager.astroid_cache)
    manager.module_denylist = AstroidManager.brain["module_denylist"] = _FrameworkDenylist(previous)
    try:
        yield
    finally:
        manager.module_denylist = AstroidManager.brain["module_denylist"] = previous
        for name in set(manager.astroid_cache) - known:
            del manager.astroid_cache[name]
        clear_inference_tip_cache()
        _invalidate_cache()


def screen(paths: Sequence[str]) -> tuple[list[str], list[Finding]]:
    """The Python files below ``paths`` split into those to lint and those not checked, with one finding each
    instead of a crash or a hang: too deeply nested to parse (``astroid-error``), not a regular file (a FIFO or
    device would block the read) or a notebook (``fatal``)."""
    files, skipped = [], []
    for path in python_files(paths):
        reason = unreadable(path)
        if reason:
            skipped.append(Finding.file_level(path, "F0001", "fatal", f"{path}: not checked: {reason}"))
            continue
        depth = too_deep(path)
        if depth is None:
            files.append(str(path))
            continue
        skipped.append(Finding.file_level(path, "F0002", "astroid-error", f"{path}: not checked: {depth_reason(depth)}"))
    return files, skipped


def lint(paths: Sequence[str], settings: LintSettings = LintSettings()) -> list[Finding]:
    """Lint the Python files named or found below ``paths`` with mslint's rules; return the findings, sorted.

    pylint's configuration and ``# pylint: disable`` pragmas are honoured; pylint's own messages are not
    reported, except those that say a file could not be read or parsed. Raises ``config.ConfigError`` for a bad
    setting or ``[tool.mslint]`` table.
    """
    from pylint.lint import Run
    from pylint.reporters import CollectingReporter

    from mslint.checkers.base import store_of

    settings.effective()  # a bad value raises here, not as pylint's exit inside the run
    files, skipped = screen(paths)
    if not files:
        return skipped
    settings = replace(settings, patched_apis=with_project_patches(files, settings.effective().patched_apis))
    source_of.cache_clear()  # files may have changed since the last run in this process (fix passes)
    arguments = ["--load-plugins=mslint", "--score=n", f"--{config.RULES_ONLY_OPTION}=y", *settings.pylint_arguments()]
    reporter = CollectingReporter()
    with frameworks_kept_out_of_astroid():
        run = Run([*arguments, *files], reporter=reporter, exit=False)
        fixes = store_of(run.linter).fixes
    return sorted([*findings_of(reporter.messages, fixes), *skipped], key=Finding.sort_key)
