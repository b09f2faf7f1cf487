"""Lint editor buffers in one warm process.

One pylint linter per project configuration is built once and reused; astroid's module cache stays
warm across runs (a module whose file changed on disk is dropped from it), framework sources stay out
of astroid as in ``mslint check``. A buffer is linted from memory: nothing is written to disk.
"""

from __future__ import annotations

import dataclasses
import gc
import io
import os
import tokenize
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from pylint.lint.expand_modules import discover_package_path
from pylint.lint.utils import augmented_sys_path
from pylint.reporters import CollectingReporter
from pylint.reporters.progress_reporters import ProgressReporter
from pylint.utils import FileState, LinterStats

from mslint.analysis.ast_queries import ModuleMemo
from mslint.core import settings as config
from mslint.core.edits import fixed_text
from mslint.core.positions import SourceText, decode_source
from mslint.core.project import find_pyproject
from mslint.engine.checker import store_of
from mslint.outputs.findings import Finding, findings_of
from mslint.run import forget_inferences, frameworks_kept_out_of_astroid
from mslint.run.collection import collections_paused
from mslint.run.fix import MAX_FIX_PASSES
from mslint.run.linter import MslintLinter, repair_of
from mslint.run.screening import depth_reason, source_too_deep

EditorSettings = Mapping[str, Any]  # [tool.mslint] keys and values, from the editor


class ProjectLinter(MslintLinter):
    """A pylint linter set up for one project's settings."""

    def __init__(self, settings: config.Settings) -> None:
        super().__init__(reporter=CollectingReporter(), preset_settings=settings)

    def get_ast(self, filepath: str, modname: str, data: str | None = None):
        """As pylint's, but a buffer's module reads back as the bytes it would be saved as (its coding cookie)."""
        module = super().get_ast(filepath, modname, data)
        if module is not None and data is not None:
            repair = repair_of(module)
            module.file_bytes = saved_bytes(repair.text if repair else data)
        return module


def saved_bytes(text: str) -> bytes:
    """A buffer's text encoded as Python would read the file: in its PEP 263 encoding when it declares one."""
    raw = text.encode("utf-8")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        return raw if encoding in ("utf-8", "utf-8-sig") else text.encode(encoding)
    except (SyntaxError, LookupError, UnicodeEncodeError):
        return raw


def clean_text(text: str) -> str:
    """The buffer with unpaired surrogates (which no file can hold) replaced by U+FFFD; positions are kept."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
    return text


def given_settings(settings: EditorSettings) -> dict[str, Any]:
    """Editor settings keyed like ``[tool.mslint]`` (editors spell keys with ``-`` or ``_``)."""
    return {key.replace("_", "-"): value for key, value in settings.items()}


class BufferLinter:
    """Lints buffers (path + unsaved text) with mslint's rules, reusing linters and astroid's cache."""

    def __init__(self) -> None:
        self._linters: dict[tuple[Any, ...], ProjectLinter] = {}
        self._mtimes: dict[str, int | None] = {}
        self._long_lived_frozen = False
        # Held while the linter lives: framework sources stay out, and astroid's cache stays warm between runs.
        self._frameworks_kept_out = ExitStack()
        self._frameworks_kept_out.enter_context(frameworks_kept_out_of_astroid())

    def close(self) -> None:
        """Give astroid back as it was (the modules built meanwhile dropped), as in-process lint runs expect."""
        self._frameworks_kept_out.close()

    def lint(self, path: Path, text: str, settings: EditorSettings | None = None) -> list[Finding]:
        """The findings for ``text`` as the content of ``path``; raises ConfigError for bad settings."""
        path = Path(os.path.abspath(path))
        text = clean_text(text)
        depth = source_too_deep(text)
        if depth is not None:
            return [Finding.file_level(path, "F0002", "astroid-error", f"{path}: not checked: {depth_reason(depth)}")]
        linter = self._linter_for(path, given_settings(settings or {}))
        self._sync_module_cache()
        try:
            with collections_paused():
                messages = self._run(linter, path, text)
        finally:
            self._sync_module_cache()  # note when the modules this run read were modified
            _release_node_caches()
        findings = findings_of(messages, store_of(linter).fixes, {str(path): SourceText(text)})
        if decode_source(saved_bytes(text))[0] != text:
            # The checkers read the module back from its bytes: their fix offsets may not match this text.
            findings = [dataclasses.replace(finding, fix=None) for finding in findings]
        return findings

    def collect_garbage(self) -> None:
        """Free the trees of earlier runs (call between lints, after their results are out): Python's cyclic
        collector is paused during a lint. The first call freezes what is alive then (pylint, the rule data,
        astroid's builtins): it lives as long as the process, and later collections skip it."""
        gc.collect()
        if not self._long_lived_frozen:
            gc.freeze()
            self._long_lived_frozen = True

    def fix_all(self, path: Path, text: str, settings: EditorSettings | None = None) -> str:
        """The text after the safe fixes, applied pass after pass as ``mslint fix`` does."""
        for _ in range(MAX_FIX_PASSES):
            fixes = [finding.fix for finding in self.lint(path, text, settings) if finding.fix and finding.fix.is_applicable(False)]
            new_text = fixed_text(text, fixes)
            if new_text is None:
                break
            text = new_text
        return text

    def _linter_for(self, path: Path, given: dict[str, Any]) -> ProjectLinter:
        """A linter for the project of ``path``, configured with its settings (resolved once here: a bad value in the
        editor's settings or in ``[tool.mslint]`` raises ConfigError, with its message)."""
        pyproject = find_pyproject(path.parent)
        settings = config.settings_for(given, path.parent)
        stamp = pyproject.stat().st_mtime_ns if pyproject else None
        key = (pyproject, stamp, settings)
        if key not in self._linters:
            self._linters = {k: v for k, v in self._linters.items() if k[0] != pyproject}  # drop stale configurations
            self._linters[key] = _new_linter(settings)
        return self._linters[key]

    def _run(self, linter: ProjectLinter, path: Path, text: str) -> list:
        """pylint's single-file check (as for ``--from-stdin``) on the buffer's text."""
        import astroid

        store_of(linter).fixes.clear()
        reporter = linter.reporter
        reporter.reset()
        linter.stats = LinterStats()
        linter.initialize()
        items = list(linter._get_file_descr_from_stdin(str(path)))  # pylint: disable=protected-access
        if not items:
            return []  # the project's pylint configuration ignores this file
        progress = ProgressReporter(is_verbose=False)
        try:
            with augmented_sys_path([discover_package_path(str(path), linter.config.source_roots)]):
                with linter._astroid_module_checker() as check:  # pylint: disable=protected-access
                    modules = linter._get_asts(iter(items), text, progress)  # pylint: disable=protected-access
                    linter._lint_files(modules, check, progress)  # pylint: disable=protected-access
        finally:
            # Other modules importing this one read it from disk, as `mslint check` does.
            astroid.MANAGER.astroid_cache.pop(items[0].name, None)
            linter.file_state = FileState("", linter.msgs_store, is_base_filestate=True)  # it holds the tree
        return [message for message in reporter.messages if message.abspath == str(path)]

    def _sync_module_cache(self) -> None:
        """Drop from astroid's cache the modules whose file changed on disk since they were built."""
        import astroid

        cache = astroid.MANAGER.astroid_cache
        for name, module in list(cache.items()):
            file = module.file
            if not file or not file.endswith(".py"):
                continue
            try:
                stamp: int | None = os.stat(file).st_mtime_ns
            except OSError:
                stamp = None
            if self._mtimes.setdefault(file, stamp) != stamp:
                del cache[name]
                del self._mtimes[file]


def _new_linter(settings: config.Settings) -> ProjectLinter:
    """A linter with mslint loaded and configured as the lint run configures pylint from the current folder."""
    from pylint.config.config_initialization import _config_initialization
    from pylint.config.find_default_config_files import find_default_config_files

    linter = ProjectLinter(settings)
    arguments = [f"--{config.RULES_ONLY_OPTION}=y"]
    linter.load_default_plugins()
    linter.load_plugin_modules(["mslint"])
    try:
        _config_initialization(linter, arguments, linter.reporter, config_file=next(find_default_config_files(), None))
    except SystemExit as exit_:  # pylint's and mslint's configuration errors end in sys.exit
        raise config.ConfigError("the configuration could not be loaded (see the server's log)") from exit_
    return linter


def _release_node_caches() -> None:
    """Drop the caches holding nodes of the buffers linted so far (their trees would stay in memory)."""
    from astroid.interpreter.objectmodel import ObjectModel
    from astroid.nodes._base_nodes import LookupMixIn
    from astroid.nodes.scoped_nodes import ClassDef
    from pylint.checkers.clear_lru_cache import clear_lru_caches

    clear_lru_caches()
    forget_inferences()
    for cached in (LookupMixIn.lookup, ObjectModel.attributes, ClassDef._metaclass_lookup_attribute):  # pylint: disable=protected-access
        cached.cache_clear()
    ModuleMemo.forget_all()
