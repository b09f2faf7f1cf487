"""The lint run: mslint's rules over files, as the CLI, ``mslint readiness`` and long-lived callers use it.

``lint(paths, settings)`` is the stable entry point. Each call is self-contained: settings travel as arguments,
pylint gets a fresh linter, and astroid's caches and module denylist are restored afterwards, so a process can
lint again (after the files changed) and still run a plain ``pylint --load-plugins=mslint`` unchanged.
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mslint.analysis.patches import replaced_in_path, with_project_patches
from mslint.analysis.route import forget_project_routes, routes_of
from mslint.core import settings as config
from mslint.core.project import project_root
from mslint.core.versions import installed_version
from mslint.engine import dependencies
from mslint.outputs.findings import Finding, findings_of, source_of
from mslint.run.cache import LintCache, PatchScans, file_hash
from mslint.run.changes import affected, changed_files
from mslint.run.collection import fewer_collections
from mslint.run.progress import Progress, counter
from mslint.run.screening import depth_reason, python_files, too_deep, unreadable
from mslint.run.shards import shard_files
from mslint.run.selection import FileSelection

FRAMEWORK_PACKAGES = ("mindspore", "torch")
# Files pylint may read its configuration from, in the working folder or above.
PYLINT_CONFIG_FILES = ("pylintrc", ".pylintrc", "pylintrc.toml", ".pylintrc.toml", "pyproject.toml", "setup.cfg", "tox.ini")
# -j N cuts the files into N times this many runs of neighbouring files, handed out as processes finish.
CHUNKS_PER_JOB = 2


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
    route: str | None = None
    patched_apis: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    jobs: int = 1
    extend_select: tuple[str, ...] = ()
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None
    root: str | None = None  # the folder file patterns are relative to (default: the configuration's, else cwd)

    def configuration(self) -> dict[str, Any]:
        """The values that are set, keyed like ``[tool.mslint]`` (``extend_select``/``ignore`` are ``enable``/``disable``)."""
        values = {spec.key: getattr(self, spec.request_field) for spec in config.OPTIONS if spec.cli_flag}
        return {key: value for key, value in values.items() if value is not None and value != ()}

    def effective(self, start: Path | None = None) -> config.Settings:
        """The settings the rules will see, merged with the ``[tool.mslint]`` nearest to ``start``; raises
        ``config.ConfigError`` for a bad value here or there."""
        settings = config.settings_for(self.configuration(), start)
        return dataclasses.replace(settings, root=self.root) if self.root else settings


class _FrameworkDenylist(set):
    """astroid's module denylist, extended to whole packages: mslint never needs their sources."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.split(".")[0] in FRAMEWORK_PACKAGES or super().__contains__(name)


@contextmanager
def frameworks_kept_out_of_astroid() -> Iterator[None]:
    """Within the block astroid never builds MindSpore or PyTorch sources (mslint resolves their names through
    imports). Re-entrant: only the outermost block installs the denylist; on leaving it, the previous denylist
    comes back and the modules built, module files found and inferences made inside are dropped, so none outlives
    the block (and a file changed, added or removed since is read again)."""
    import astroid
    from astroid.manager import AstroidManager

    manager = astroid.MANAGER
    previous = manager.module_denylist
    if isinstance(previous, _FrameworkDenylist):
        yield
        return
    known, known_files = set(manager.astroid_cache), set(manager._mod_file_cache)
    manager.module_denylist = AstroidManager.brain["module_denylist"] = _FrameworkDenylist(previous)
    try:
        yield
    finally:
        manager.module_denylist = AstroidManager.brain["module_denylist"] = previous
        for name in set(manager.astroid_cache) - known:
            del manager.astroid_cache[name]
        for key in set(manager._mod_file_cache) - known_files:
            del manager._mod_file_cache[key]
        forget_inferences()
        _forget_module_locations()
        forget_project_routes()


def forget_inferences() -> None:
    """Drop astroid's caches of inference results (they hold nodes of the trees built so far)."""
    from astroid.context import _invalidate_cache
    from astroid.inference_tip import clear_inference_tip_cache

    clear_inference_tip_cache()
    _invalidate_cache()


def _forget_module_locations() -> None:
    """Empty astroid's caches of where modules were found (files may be added or removed before the next run)."""
    from astroid import modutils
    from astroid.interpreter._import import spec, util

    for cached in (spec._find_spec, spec._is_setuptools_namespace, modutils._cache_normalize_path_, modutils._has_init,
                   modutils.cached_os_path_isfile, util.is_namespace):
        cached.cache_clear()
    for finder in spec._SPEC_FINDERS:
        finder.find_module.cache_clear()


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


def lint(
    paths: Sequence[str],
    settings: LintSettings = LintSettings(),
    cache: bool = False,
    *,
    shard: tuple[int, int] | None = None,
    changed_since: str | None = None,
    progress: Progress | None = None,
) -> list[Finding]:
    """Lint the Python files named or found below ``paths`` with mslint's rules; return the findings, sorted.

    pylint's configuration and ``# pylint: disable`` pragmas are honoured; pylint's own messages are not
    reported, except those that say a file could not be read or parsed. With ``cache``, files whose content and
    dependencies are unchanged since a run with the same settings get their findings from ``.mslint_cache/``
    (``mslint.run.cache``). ``shard`` (index, count) keeps that shard's files (``mslint.run.shards``);
    ``changed_since`` (a git revision) keeps the findings of the files changed since and of the files whose
    findings depend on them (``mslint.run.changes``); ``progress`` counts the files done and findings. Raises
    ``config.ConfigError`` for a bad setting or ``[tool.mslint]`` table, ``ChangesError`` when git cannot tell
    what changed.
    """
    effective = settings.effective()  # resolved once: a bad value raises here, not as pylint's exit inside the run
    changed = changed_files(changed_since) if changed_since is not None else None
    files = [str(path) for path in python_files(paths, FileSelection(effective))]
    readable = [path for path in files if not unreadable(Path(path))]  # a FIFO would block a read
    scans = PatchScans(project_root() or Path.cwd().resolve()) if cache else None
    # every file's patches, whatever the shard: the settings (and cache key) of every shard are the same
    patched = with_project_patches(readable, effective.patched_apis, scans.replaced if scans else replaced_in_path)
    effective = dataclasses.replace(effective, patched_apis=patched)
    forget_project_routes()  # found again for each run: another file may have changed a project's route
    key = {**cache_key(settings, effective), "routes": routes_of(readable, effective.route)} if scans else {}  # other files decide a route
    if shard is not None:
        files = shard_files(files, *shard)
        in_shard = set(files)
        readable = [path for path in readable if path in in_shard]
    tally = counter(progress.counts if progress is not None else None)
    if progress is not None:
        progress.expect(len(files))
    found: list[Finding] = screen(sorted(set(files) - set(readable)))[1]  # not checked, never hashed
    tally(len(found), len(found))
    store = LintCache(scans.folder.parent, key, scans.hashes) if scans else None
    depends_on: dict[str, set[str]] = {}
    stale: list[str] = []
    for path in readable:
        cached = store.lookup(os.path.abspath(path)) if store else None
        if cached is None:
            stale.append(path)
            continue
        found.extend(cached)
        if changed is not None:
            depends_on[os.path.realpath(path)] = {os.path.realpath(dependency) for dependency in store.dependencies(os.path.abspath(path))}
        tally(1, len(cached))
    if stale:
        fresh, imports = _pylint_findings(stale, effective, settings.jobs, store is not None or changed is not None, progress)
        found.extend(fresh)
        for path, dependencies_of_path in _stored(stale, fresh, imports, store).items():
            depends_on[os.path.realpath(path)] = {os.path.realpath(dependency) for dependency in dependencies_of_path}
    if scans is not None and store is not None:
        scans.save()
        store.save()
    if changed is not None:
        kept = affected(files, changed, depends_on)
        found = [finding for finding in found if os.path.realpath(finding.abspath) in kept]
    return sorted(found, key=Finding.sort_key)


def _stored(stale: list[str], fresh: list[Finding], imports: dict[str, list[str]], store: LintCache | None) -> dict[str, set[str]]:
    """The project files each freshly linted file depends on (through the imports recorded during its lint);
    with a ``store``, each file's findings are stored under them."""
    by_file: dict[str, list[Finding]] = {os.path.realpath(path): [] for path in stale}
    for finding in fresh:
        by_file.get(os.path.realpath(finding.abspath), []).append(finding)
    depends_on = {}
    for path in stale:
        abspath = os.path.abspath(path)
        depends_on[path] = {os.path.abspath(dependency) for dependency in dependencies.reachable(abspath, imports)}
        if store is not None:
            store.store(abspath, store.hash_of(abspath), by_file[os.path.realpath(path)], depends_on[path])
    return depends_on


def cache_key(settings: LintSettings, effective: config.Settings) -> dict[str, Any]:
    """What findings depend on besides the files: the settings asked for and in effect, the versions of Python,
    pylint and astroid, and pylint's configuration files."""
    candidates = [Path(os.environ.get("PYLINTRC", "")), Path.home() / ".pylintrc", Path.home() / ".config" / "pylintrc"]
    for folder in (Path.cwd(), *Path.cwd().parents):
        candidates += [folder / name for name in PYLINT_CONFIG_FILES]
    return {
        "request": {**dataclasses.asdict(settings), "jobs": None},
        "settings": dataclasses.asdict(effective),
        "python": sys.version,
        "pylint": installed_version("pylint"),
        "astroid": installed_version("astroid"),
        "configuration": {str(path): file_hash(str(path)) for path in candidates if path.name and path.is_file()},
    }


def _pylint_findings(files: list[str], settings: config.Settings, jobs: int, record_imports: bool, progress: Progress | None = None) -> tuple[list[Finding], dict[str, list[str]]]:
    """pylint's run over the screened ``files`` with mslint's rules: the findings (with one per file too deeply
    nested to parse) and, with ``record_imports``, the imports astroid resolved between project files.

    With ``jobs`` other than 1, the files are cut into ``jobs * CHUNKS_PER_JOB`` runs of neighbouring files (a
    package's files mostly stay together, so a process builds the modules they share once), each a sequential
    pylint run, handed out to ``jobs`` processes: cheaper than pylint's ``-j``, which hands out one file at a time.
    """
    jobs = jobs or os.cpu_count() or 1
    counts = progress.counts if progress is not None else None
    if jobs > 1 and len(files) > 1:
        return _parallel_findings(files, settings, record_imports, jobs, counts)
    return _sequential_findings(files, settings, record_imports, counts)


@fewer_collections()
def _sequential_findings(files: list[str], settings: config.Settings, record_imports: bool, counts: Any = None) -> tuple[list[Finding], dict[str, list[str]]]:
    """One pylint run over ``files``; ``counts`` (a ``Progress``'s) get each module and its findings once checked."""
    files, skipped = screen(files)
    tally = counter(counts)
    tally(len(skipped), len(skipped))
    if not files:
        return skipped, {}
    from pylint.reporters import CollectingReporter

    from mslint.engine.checker import store_of
    from mslint.run.linter import MslintRun

    source_of.cache_clear()  # files may have changed since the last run in this process (fix passes)
    arguments = ["--load-plugins=mslint", "--score=n", f"--{config.RULES_ONLY_OPTION}=y"]
    if record_imports:
        arguments.append(f"--{config.RECORD_IMPORTS_OPTION}=y")
    reporter = CollectingReporter()
    counted = [0, 0]  # modules and messages counted so far

    def module_checked() -> None:
        tally(1, len(reporter.messages) - counted[1])
        counted[:] = [counted[0] + 1, len(reporter.messages)]

    dependencies.take_recorded()  # nothing left from an earlier run
    try:
        with frameworks_kept_out_of_astroid():
            run = MslintRun([*arguments, *files], settings, reporter=reporter, exit=False, module_checked=module_checked)
            fixes = store_of(run.linter).fixes
    finally:
        dependencies.stop_recording()
    found = findings_of(reporter.messages, fixes)
    tally(len(files) - counted[0], len(found) - counted[1])  # files that did not parse, messages not kept
    return [*found, *skipped], dependencies.take_recorded()


def _parallel_findings(files: list[str], settings: config.Settings, record_imports: bool, jobs: int, counts: Any = None) -> tuple[list[Finding], dict[str, list[str]]]:
    """Runs of neighbouring files handed out to ``jobs`` processes as each finishes its last run (files differ
    too much in cost for a split made in advance); a process keeps the modules it built from run to run."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = _neighbour_groups(files, jobs * CHUNKS_PER_JOB)
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    findings: list[Finding] = []
    imports: dict[str, list[str]] = {}
    with ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=context, initializer=_start_worker, initargs=(counts,)) as pool:
        for found, recorded in pool.map(_worker_findings, chunks, [settings] * len(chunks), [record_imports] * len(chunks)):
            findings.extend(found)
            for importing, imported in recorded.items():
                imports[importing] = sorted({*imports.get(importing, ()), *imported})
    return findings, imports


_worker_counts: Any = None  # in a -j worker: the progress counts it adds to


def _start_worker(counts: Any) -> None:
    """In a worker process: one framework keep-out for the process's life, so the modules built for one run of
    files serve the next (the files do not change during a lint), left when the process exits; the progress
    counts (shared memory, inherited) to add to."""
    global _worker_counts  # pylint: disable=global-statement
    _worker_counts = counts
    keep_out = frameworks_kept_out_of_astroid()
    keep_out.__enter__()  # pylint: disable=unnecessary-dunder-call
    atexit.register(keep_out.__exit__, None, None, None)


def _worker_findings(files: list[str], settings: config.Settings, record_imports: bool) -> tuple[list[Finding], dict[str, list[str]]]:
    return _sequential_findings(files, settings, record_imports, _worker_counts)


def _neighbour_groups(files: list[str], count: int) -> list[list[str]]:
    """``files`` in path order, cut into at most ``count`` runs of about the same size in bytes."""
    ordered = sorted(files)
    sizes = [max(os.path.getsize(path) if os.path.exists(path) else 0, 1) for path in ordered]
    share = sum(sizes) / count
    groups: list[list[str]] = [[]]
    filled = 0.0
    for path, size in zip(ordered, sizes):
        if filled >= share * len(groups) and len(groups) < count:
            groups.append([])
        groups[-1].append(path)
        filled += size
    return [group for group in groups if group]
