"""Find every PyTorch API use, third-party import and graph/device risk in a project, without importing it."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import astroid
from astroid import nodes

from mslint.analysis import names
from mslint.analysis.graph_scope import GraphFunction, find_method, graph_functions
from mslint.analysis.target import PLATFORM_NAMES, sets_graph_mode
from mslint.core.notebooks import NotebookError, NotebookSource, is_notebook
from mslint.core.settings import Settings
from mslint.knowledge.mappings import (
    ApiMapping,
    docs_version,
    load_torch_mapping,
    mapping_table_url,
    versioned_doc,
)
from mslint.readiness.thirdparty import Counterpart, counterpart
from mslint.readiness.uses import AUTO, MANUAL, NONE, TENSOR, UNKNOWN, Use
from mslint.rules.catalog import Rule, find_rule
from mslint.rules.graph import GRAPH_RULES, graph_matches
from mslint.run import LintSettings, frameworks_kept_out_of_astroid, lint
from mslint.run.collection import fewer_collections
from mslint.run.notebooks import MODULE_SUFFIX
from mslint.run.screening import python_files, too_deep, unreadable

STATUS_OF_KIND = {"exact": AUTO, "renamed-args": MANUAL, "semantic-diff": MANUAL, "no-equivalent": NONE}
RISK_KINDS = ("graph", "target", "porting")
# Names that are modules, not APIs, when used on their own (``nn`` passed to a helper).
TORCH_MODULES = frozenset({"torch", "torch.nn", "torch.nn.functional", "torch.optim", "torch.nn.init", "torch.utils",
                           "torch.utils.data", "torch.jit", "torch.fx", "torch.cuda", "torch.linalg", "torch.fft",
                           "torch.special", "torch.distributed", "torch.autograd"})
_LAYER_MODULE = re.compile(r"torch\.nn\.modules\.\w+\.([A-Z]\w*)$")
UNKNOWN_ADVICE = "not in mslint's knowledge base: look it up in MindSpore's PyTorch API mapping table"


@dataclass(frozen=True)
class Risk:
    """Code that will need attention once ported: ``graph`` (forward/construct), ``target`` (device) or ``porting``."""

    path: str
    line: int
    column: int
    kind: str
    symbol: str
    message: str
    doc: str


@dataclass(frozen=True)
class ThirdPartyImport:
    path: str
    line: int
    module: str
    counterpart: Counterpart


@dataclass
class FileScan:
    """What one file holds; ``error`` is set when it could not be scanned."""

    path: str
    framework: str = "none"
    uses: list[Use] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    imports: list[ThirdPartyImport] = field(default_factory=list)
    error: str | None = None


TARGET_RULE = "ms-op-no-kernel-on-target"


@dataclass(frozen=True)
class Options:
    """What a scan honours: the device (ascend | gpu | cpu), syntax level and graph mode of the port's future
    graph code, and the lint settings, which also choose the rules (version, profile, select, ignore)."""

    target: str | None = None
    level: str = "lax"
    graph_mode: str = "always"  # readiness assumes the port compiles its Cells' construct as graph code
    lint: LintSettings = LintSettings()

    @classmethod
    def of(cls, settings: LintSettings) -> Options:
        return cls(settings.target, settings.jit_syntax_level or "lax", settings.graph_mode or "always", settings)


def doc_link(entry: ApiMapping | None) -> str:
    """The entry's MindSpore page, else the first URL of its source, else the mapping table (all for the
    knowledge base's MindSpore version)."""
    if entry is not None and entry.doc:
        return entry.doc
    if entry is not None:
        match = re.search(r"https?://\S+", entry.source)
        if match:
            return versioned_doc(match.group().rstrip(";,"), docs_version())
    return mapping_table_url()


def what_to_change(entry: ApiMapping, passed: set[str]) -> str:
    """A short description of the change an entry asks for, given the keywords a call passes."""
    if entry.kind == "no-equivalent":
        return entry.note or "no MindSpore equivalent"
    parts = [f"use {entry.ms}"]
    for old, new in entry.kwargs_change.items():
        if not new:
            parts.append(f"drop {old}")
        elif f"{old} -> {new}" not in entry.note:  # the note says it already
            parts.append(f"{old} -> {new}")
    unsupported = [arg for arg in entry.unsupported_args if arg in passed]
    if unsupported:
        parts.append("unsupported, drop: " + ", ".join(unsupported))
    for arg, (torch_default, ms_default) in entry.defaults_diff.items():
        parts.append(f"default {arg}: {torch_default} in torch, {ms_default} in MindSpore")
    if entry.kind != "exact" and entry.note:
        parts.append(entry.note)
    return "; ".join(parts)


def classify(entry: ApiMapping, call: nodes.Call | None) -> str:
    """The status of one use: exact mappings are auto-fixable unless the call passes an unsupported argument;
    a renamed-args mapping whose only difference is unsupported arguments is auto-fixable for a call that
    passes none of them and whose positional arguments have the same names (``nn.ReLU()``, ``nn.Sequential(*layers)``)."""
    status = STATUS_OF_KIND[entry.kind]
    unsupported = bool(_keywords(call) & set(entry.unsupported_args))
    if status == AUTO and unsupported:
        return MANUAL
    if entry.kind == "renamed-args" and call is not None and not unsupported and _only_unsupported_differ(entry, call):
        return AUTO
    return status


def _only_unsupported_differ(entry: ApiMapping, call: nodes.Call) -> bool:
    if entry.kwargs_change or entry.defaults_diff or entry.torch_args is None or entry.ms_args is None:
        return False
    if any(keyword.arg is None for keyword in call.keywords or ()):
        return False
    if entry.torch_args == entry.ms_args:  # same parameters: any positional call, starred too, passes unchanged
        return True
    if any(isinstance(arg, nodes.Starred) for arg in call.args):
        return False
    count = len(call.args)
    return count <= len(entry.ms_args) and entry.torch_args[:count] == entry.ms_args[:count]


def _keywords(call: nodes.Call | None) -> set[str]:
    return {keyword.arg for keyword in (call.keywords or ()) if keyword.arg} if call is not None else set()


@cache
def _members(prefix: str) -> dict[str, ApiMapping]:
    """Knowledge-base entries of one class (``torch.Tensor.``) by method name."""
    return {name[len(prefix):]: entry for name, entry in load_torch_mapping().items() if name.startswith(prefix)}


def _entry_for(qualname: str) -> tuple[str, ApiMapping | None]:
    """The longest prefix of ``qualname`` the knowledge base knows (``torch.nn.Conv2d`` for ``nn.Conv2d.x``); a layer
    named by its defining module (``torch.nn.modules.batchnorm.BatchNorm2d``) is looked up by its public name."""
    match = _LAYER_MODULE.match(qualname)
    if match and f"torch.nn.{match[1]}" in load_torch_mapping():
        qualname = f"torch.nn.{match[1]}"
    mapping, parts = load_torch_mapping(), qualname.split(".")
    for end in range(len(parts), 1, -1):
        prefix = ".".join(parts[:end])
        if prefix in mapping:
            return prefix, mapping[prefix]
    return qualname, None


def _walk(root: nodes.NodeNG) -> Iterator[nodes.NodeNG]:
    """Every node below ``root``, depth first in source order, without nested generators (faster than
    ``nodes_of_class`` on big modules)."""
    pending = [root]
    while pending:
        node = pending.pop()
        yield node
        pending.extend(reversed(list(node.get_children())))


def _annotation_nodes(found: list[nodes.NodeNG]) -> set[int]:
    """ids of every node inside a type annotation: annotations name types, they are not API uses."""
    roots: list[nodes.NodeNG | None] = []
    for node in found:
        if isinstance(node, nodes.FunctionDef):
            args = node.args
            roots += [node.returns, args.varargannotation, args.kwargannotation]
            roots += [*args.annotations, *args.posonlyargs_annotations, *args.kwonlyargs_annotations]
        elif isinstance(node, nodes.AnnAssign):
            roots.append(node.annotation)
    return {id(node) for root in roots if root is not None for node in _walk(root)}


def _bound_by_imports(found: list[nodes.NodeNG]) -> set[str]:
    """Every name an import binds anywhere in the module: the only roots ``names.qualified_name`` can resolve."""
    bound = set()
    for node in found:
        if isinstance(node, nodes.Import):
            bound.update(alias or imported.split(".")[0] for imported, alias in node.names)
        elif isinstance(node, nodes.ImportFrom):
            bound.update(alias or imported for imported, alias in node.names)
    return bound


def _root_name(node: nodes.NodeNG) -> str | None:
    while isinstance(node, nodes.Attribute):
        node = node.expr
    return node.name if isinstance(node, nodes.Name) else None


def _call_of(node: nodes.NodeNG) -> nodes.Call | None:
    parent = node.parent
    return parent if isinstance(parent, nodes.Call) and parent.func is node else None


def is_torch_module(cls: nodes.ClassDef) -> bool:
    """Whether a class derives, directly or through project classes (in any scanned file), from a ``torch.nn`` class."""
    with _scanned_modules_importable():
        _, framework, _ = names.ancestors(cls)
    return any(name.startswith("torch.nn.") for name in framework)


@contextmanager
def _scanned_modules_importable() -> Iterator[None]:
    """While class bases are resolved, an import of a scanned module builds it (see ``_project_module``)."""
    before, _FileScanner.resolving_bases = _FileScanner.resolving_bases, True
    try:
        yield
    finally:
        _FileScanner.resolving_bases = before


def api_uses(module: nodes.Module, path: str) -> Iterator[Use]:
    """Every PyTorch API reference (through imports), Module method call on ``self`` and possible Tensor method call."""
    from mslint.readiness.tensorflow import is_tensorflow_name, tensorflow_use

    found = list(_walk(module))
    skip, imported = _annotation_nodes(found), _bound_by_imports(found)
    for node in found:
        if not isinstance(node, (nodes.Name, nodes.Attribute)) or id(node) in skip:
            continue
        if isinstance(node.parent, nodes.Attribute) and node.parent.expr is node:
            continue
        qualname = names.qualified_name(node) if _root_name(node) in imported else None
        call = _call_of(node)
        if is_tensorflow_name(qualname):
            yield tensorflow_use(path, node, qualname)
        elif names.is_torch_name(qualname):
            if qualname in TORCH_MODULES:
                continue
            api, entry = _entry_for(qualname)
            if entry is None:
                yield Use(path, node.lineno, node.col_offset, api, UNKNOWN, None, None, UNKNOWN_ADVICE, mapping_table_url())
            else:
                yield _use(path, node, api, classify(entry, call), entry, call)
        elif qualname is None and call is not None and isinstance(node, nodes.Attribute):
            yield from _method_use(path, node, call)


def _use(path: str, node: nodes.NodeNG, api: str, status: str, entry: ApiMapping, call: nodes.Call | None) -> Use:
    what = what_to_change(entry, _keywords(call))
    return Use(path, node.lineno, node.col_offset, api, status, entry.kind, entry.ms, what, doc_link(entry))


def _method_use(path: str, node: nodes.Attribute, call: nodes.Call) -> Iterator[Use]:
    """``self.parameters()`` in a torch Module, or ``x.view(...)`` on a receiver of unknown type."""
    name, receiver = node.attrname, node.expr
    if name.startswith("_") or isinstance(receiver, (nodes.Const, nodes.JoinedStr, nodes.List, nodes.Dict, nodes.Tuple)):
        return
    if isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Name) and receiver.func.name == "super":
        return
    if isinstance(receiver, nodes.Name) and receiver.name in ("self", "cls"):
        cls = names.enclosing_class(node)
        entry = _members("torch.nn.Module.").get(name)
        if cls is not None and entry is not None and find_method(cls, name) is None and is_torch_module(cls):
            yield _use(path, node, f"torch.nn.Module.{name}", classify(entry, call), entry, call)
        return
    entry = _members("torch.Tensor.").get(name)
    if entry is not None:
        use = _use(path, node, f"torch.Tensor.{name}", TENSOR, entry, call)
        yield Use(**{**use.__dict__, "what": f"if the receiver is a tensor: {use.what}"})


def graph_risks(module: nodes.Module, path: str, level: str, rules: Sequence[Rule], graph_mode: str = "always") -> Iterator[Risk]:
    """Graph-mode ``rules`` matched in the ``forward`` of torch Modules (future ``construct``) and what they call;
    none when ``graph_mode`` says the port's Cells run in PyNative (``never``, or ``auto`` without
    ``set_context(mode=GRAPH_MODE)`` in the module)."""
    if graph_mode == "never" or (graph_mode == "auto" and not sets_graph_mode(module)):
        return
    roots = []
    for cls in filter(is_torch_module, module.nodes_of_class(nodes.ClassDef)):
        forward = cls.locals.get("forward", [None])[0]
        if isinstance(forward, nodes.FunctionDef) and forward.parent is cls:
            roots.append(GraphFunction(forward, cls, {level}, entry=True))
    if not roots:
        return
    graphs = graph_functions(module, Settings(graph_mode="never", jit_syntax_level=level), extra_roots=roots)
    for rule, node, levels in graph_matches(graphs.values(), rules):
        if not rule.levels or rule.levels & levels:
            yield Risk(path, node.lineno, node.col_offset, "graph", rule.symbol, rule.summary, rule.doc_url)


def target_risks(uses: Sequence[Use], target: str) -> Iterator[Risk]:
    """Uses whose MindSpore target documents platforms that exclude the device."""
    platform, mapping = PLATFORM_NAMES[target], load_torch_mapping()
    for use in uses:
        entry = mapping.get(use.api)
        if use.status != TENSOR and entry is not None and entry.ms and entry.platforms and platform not in entry.platforms:
            message = f"{entry.ms} is documented for {', '.join(entry.platforms)} only, not {platform}"
            yield Risk(use.path, use.line, use.column, "target", TARGET_RULE, message, use.doc)


def module_name(path: Path) -> str:
    """The dotted module name of a file, from the ``__init__.py`` files above it."""
    parts = [] if path.name == "__init__.py" else [path.stem]
    folder = path.resolve().parent
    while (folder / "__init__.py").exists() and folder.parent != folder:
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts)


def imported_names(module: nodes.Module, name: str, is_package: bool) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of each import, relative ones resolved against ``name``; a relative
    import that climbs above the known packages keeps its dots (``..ops.misc``)."""
    package = name.split(".") if is_package else name.split(".")[:-1]
    for node in module.nodes_of_class((nodes.Import, nodes.ImportFrom)):
        if isinstance(node, nodes.Import):
            yield from ((node.lineno, imported) for imported, _ in node.names)
            continue
        targets = [node.modname] if node.modname else [imported for imported, _ in node.names]
        if not node.level:
            yield node.lineno, node.modname
        elif node.level - 1 < len(package):
            base = package[: len(package) - node.level + 1]
            yield from ((node.lineno, ".".join([*base, target])) for target in targets)
        else:
            yield from ((node.lineno, "." * node.level + target) for target in targets)


def _outside(imported: str) -> Counterpart | None:
    if not imported.startswith("."):
        return counterpart(imported)
    return Counterpart(imported, "unknown", None, "relative import outside the scanned folders: scan them too", "")


def scan_module(module: nodes.Module, path: str, options: Options, internal: Callable[[str], bool],
                rules: Sequence[Rule]) -> FileScan:
    """Scan one parsed module; ``rules`` are the rules that are on (graph rules and the target rule count)."""
    result = FileScan(path, names.framework_of(module))
    if result.framework == "none" and any(name.split(".")[0] == "tensorflow" for name in names.imported_modules(module)):
        result.framework = "tensorflow"
    with _scanned_modules_importable():  # the first to infer class bases (Module methods on self); astroid caches it
        result.uses = sorted(api_uses(module, path), key=lambda use: (use.line, use.column))
    on = {rule.symbol for rule in rules}
    graph_rules = [rule for rule in GRAPH_RULES if rule.symbol in on]
    result.risks = list(graph_risks(module, path, options.level, graph_rules, options.graph_mode))
    if options.target and TARGET_RULE in on:
        result.risks += target_risks(result.uses, options.target)
    seen: set[str] = set()
    for line, imported in imported_names(module, module.name, path.endswith("__init__.py")):
        entry = _outside(imported)
        if entry is not None and not internal(imported) and imported not in seen:
            seen.add(imported)
            result.imports.append(ThirdPartyImport(path, line, imported, entry))
    return result


def scan(paths: Sequence[str], options: Options, progress: Callable[[int, int, str], None] | None = None) -> list[FileScan]:
    """Scan every Python file below ``paths``, in ``options.lint.jobs`` processes (0: one per core);
    ``progress(done, total, path)`` is called after each file. Raises ``config.ConfigError`` for a bad setting or
    ``[tool.mslint]`` table."""
    settings = options.lint.effective()
    settings = dataclasses.replace(settings, target=options.target or "none")  # the target is the scan's, not a module's
    rules = [rule for rule in (*GRAPH_RULES, find_rule(TARGET_RULE)) if rule is not None and rule.runs(settings)]
    with frameworks_kept_out_of_astroid(), fewer_collections():
        results = _scan_files(paths, options, rules, progress)
        _add_lint_risks([result for result in results if result.framework in ("mindspore", "mixed")], options)
    return results


def _scan_files(paths: Sequence[str], options: Options, rules: Sequence[Rule],
                progress: Callable[[int, int, str], None] | None) -> list[FileScan]:
    files = list(python_files(paths))
    # A folder given as a package whose parent is not one (``torchvision/models`` extracted alone):
    # ``torchvision.models.x`` is taken to be that folder's ``models.x``.
    roots = {module_name(Path(name) / "__init__.py") for name in paths if (Path(name) / "__init__.py").exists()}
    jobs = options.lint.jobs or os.cpu_count() or 1
    jobs = min(jobs, len(files)) if "fork" in multiprocessing.get_all_start_methods() else 1
    importable = {module_name(path): path for path in files if not is_notebook(path)}  # nothing imports a notebook
    _FileScanner.current = _FileScanner(options, rules, importable, roots)
    if _project_module not in astroid.MANAGER._failed_import_hooks:  # pylint: disable=protected-access
        astroid.MANAGER.register_failed_import_hook(_project_module)
    results = []
    if jobs > 1:
        # fork: the workers inherit the scanner; each file's result comes back pickled, in order
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for done, result in enumerate(pool.imap(_scan_file, files, chunksize=2), start=1):
                results.append(result)
                if progress is not None:
                    progress(done, len(files), result.path)
    else:
        for done, path in enumerate(files, start=1):
            results.append(_scan_file(path))
            if progress is not None:
                progress(done, len(files), results[-1].path)
    return results


class _FileScanner:
    """What scanning one file needs to know about the whole scan (shared with worker processes by fork)."""

    current: _FileScanner | None = None
    resolving_bases = False  # while set, an import of a scanned module builds it (see _project_module)

    def __init__(self, options: Options, rules: Sequence[Rule], files: dict[str, Path], roots: set[str]) -> None:
        self.options, self.rules, self.files, self.roots = options, rules, files, roots
        self.modules = set(files) - {""}
        self.unbuildable_reasons: dict[Path, str | None] = {}
        self.builder = astroid.builder.AstroidBuilder(astroid.MANAGER)

    def internal(self, name: str) -> bool:
        """Whether an imported module is one of the scanned ones."""
        return any(name == known or name.startswith(known + ".") or (known.split(".")[0] in self.roots and name.endswith("." + known))
                   for known in self.modules)

    def unbuildable(self, path: Path) -> str | None:
        """Why a file is not built (``screening.unreadable``, then ``screening.too_deep``), once per file (an import
        may have asked already); None when it can be."""
        if path not in self.unbuildable_reasons:
            reason = unreadable(path)
            if reason is None and too_deep(path) is not None:
                reason = "nesting too deep to parse"
            self.unbuildable_reasons[path] = reason
        return self.unbuildable_reasons[path]

    def module(self, path: Path, name: str) -> nodes.Module:
        """The module of a scanned file, built once (an import of it may have built it already)."""
        cached = astroid.MANAGER.astroid_cache.get(name)
        if cached is not None and cached.file == os.path.abspath(path):
            return cached
        with _scanned_modules_importable():  # astroid's transforms infer class bases while building (enum, dataclass)
            if is_notebook(path):  # its code cells joined (lines and columns of that text, as the lint run's)
                return self.builder.string_build(NotebookSource.read(path.read_bytes()).text, name + MODULE_SUFFIX, str(path))
            return self.builder.file_build(str(path), name)

    def scan(self, path: Path) -> FileScan:
        shown = str(path)
        reason = self.unbuildable(path)
        if reason:
            return FileScan(shown, error=reason)
        try:
            return scan_module(self.module(path, module_name(path)), shown, self.options, self.internal, self.rules)
        except (astroid.AstroidError, SyntaxError, OSError, UnicodeDecodeError, NotebookError) as error:
            from mslint.readiness.tensorflow import scan_error

            return FileScan(shown, error=scan_error(path, error))


def _project_module(name: str) -> nodes.Module:
    """astroid's last resort for an import: while class bases are resolved, a module of the scan by its dotted name,
    so that bases in other scanned files resolve whatever order (and whichever process) the files are scanned in.
    Other inferences do not build modules (the scan does not need them, and they cost time)."""
    scanner = _FileScanner.current
    path = scanner.files.get(name) if scanner is not None and _FileScanner.resolving_bases else None
    if path is None or scanner.unbuildable(path):
        raise astroid.AstroidBuildingError(f"{name} is not a scanned module")
    return scanner.module(path, name)


def _scan_file(path: Path) -> FileScan:
    assert _FileScanner.current is not None
    return _FileScanner.current.scan(path)


# Findings that restate a PyTorch API use the scan already counts by mapping status.
COUNTED_AS_API_USE = frozenset({"ms-torch-api"})


def _add_lint_risks(migrated: list[FileScan], options: Options) -> None:
    """Half-migrated files: mslint's own rules (Cell construct as graph code, device rules when a target is set)."""
    if not migrated:
        return
    from mslint.rules.catalog import Family

    kinds = {Family.GRAPH: "graph", Family.ASCEND: "target", Family.PORTING: "porting", Family.TENSORFLOW: "porting"}
    by_path = {str(Path(result.path).resolve()): result for result in migrated}
    settings = dataclasses.replace(options.lint, graph_mode=options.graph_mode, jit_syntax_level=options.level)
    for finding in lint([result.path for result in migrated], settings):
        rule = find_rule(finding.symbol) if finding.is_mslint else None
        result = by_path.get(finding.abspath)
        if rule is None or result is None or rule.symbol in COUNTED_AS_API_USE:
            continue
        risk = Risk(result.path, finding.line, finding.column, kinds[rule.family], rule.symbol, finding.message, rule.doc_url)
        if all((r.line, r.column, r.symbol) != (risk.line, risk.column, risk.symbol) for r in result.risks):
            result.risks.append(risk)
