"""Write ``mslint/knowledge/data/ms_surface.json``: the public API surface of the installed MindSpore, with evidence.

Usage: ``GLOG_v=3 python scripts/gen_ms_surface.py [--check | --reuse]``

Records, under ``versions["<major.minor>"]`` (format: ``mslint/knowledge/data/README_surface.md``):

* ``modules``: every public name of the recorded modules (``surface_introspect.MODULES``) with its kind and the
  key of what it is, so aliases resolve; ``__all__`` and importable submodules.
* ``classes`` / ``functions``: signatures (``__init__``, call, members) by qualified name.
* ``instances``: what an instance holds, from building it (``surface_probes.py``) or from its ``__init__`` source.
* ``arg_types``: argument types MindSpore's validators enforce, each kept only when a call confirms it.
* ``tensor_first_arg``: evidence that a Tensor passed to a Cell/Primitive constructor fails, and the general rule.
* ``graph_forms``: Tensor method call forms run in PyNative and in a GRAPH_MODE ``construct``.
* ``results``: what calls return (the class of the value): Tensor methods, the functions of the tensor namespaces,
  built Primitives and Cells called with tensors.

Probes run in child processes. ``--check`` recomputes everything but reuses the outcomes of the slow probes
(argument types, graph forms) that the shipped file records for the same calls: it fails when the file is stale or a
call is new; ``tests/oracle/test_ms_surface_types.py`` and ``test_ms_surface_graph.py`` re-run a seeded sample of the
type claims and every graph-narrower form.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import os
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

os.environ.setdefault("GLOG_v", "3")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_arg_types  # noqa: E402
import gen_signatures  # noqa: E402
import surface_introspect  # noqa: E402
import surface_probes  # noqa: E402
from generated_file import write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mslint" / "knowledge" / "data" / "ms_surface.json"
TORCH_MAPPING = ROOT / "mslint" / "knowledge" / "data" / "torch_mapping.json"
COMMAND = "GLOG_v=3 python scripts/gen_ms_surface.py"
FORMAT = 1
NOT_PROBED = "not probed: the shipped file has no outcome for this call; run the generator"

# Values for required constructor arguments, as code (names of surface_probes.SAMPLES allowed); gen_arg_types'
# table first.
FILLERS: dict[str, str] = {
    **{name: repr(value) for name, value in gen_arg_types.FILLERS.items()},
    "padding": "1", "output_size": "2", "value": "0.5", "stride": "1", "dilation": "1", "groups": "1", "group": "1",
    "decay_steps": "2", "decay_rate": "0.9", "lr": "0.1", "momentum": "0.9", "params": "params", "parameters": "params",
    "network": "nn.Dense(2, 2)", "backbone": "nn.Dense(2, 2)", "net": "nn.Dense(2, 2)", "loss_fn": "nn.MSELoss()",
    "optimizer": "nn.Momentum(params, 0.1, 0.9)", "pad_mode": "'same'", "has_bias": "True", "bias": "True",
    "upscale_factor": "2", "downscale_factor": "2", "threshold": "0.5", "transposed": "False", "output_padding": "0",
    "padding_mode": "'zeros'", "scale": "1.0", "weight_init": "'normal'", "bias_init": "'zeros'", "norm_type": "2.0",
    "num_layers": "1", "d_model": "4", "nhead": "2", "embed_dim": "4", "num_heads": "2", "micro_size": "1",
    "loss_scale_value": "1.0", "num_embeddings": "4", "embedding_dim": "2", "in1_channels": "2", "in2_channels": "2",
    "unflattened_size": "(1, 2)", "num_classes": "2", "num_sampled": "1", "warmup_steps": "2", "min_lr": "0.01",
    "max_lr": "0.1", "end_learning_rate": "0.01", "power": "1.0", "epsilon": "1e-5", "ksize": "2", "ksizes": "(1, 2, 2, 1)",
    "strides": "(1, 1, 1, 1)", "rates": "(1, 1, 1, 1)", "out_channel": "2", "block_size": "2", "shape": "(2,)",
    "size": "2", "scale_factor": "2.0", "scale_window": "2", "start": "0", "num_chunks": "2", "field_size": "2",
    "central_fraction": "0.5", "l1": "0.0", "l2": "0.0", "lr_power": "-0.5", "fn": "ops.relu",
    "encoder_layer": "nn.TransformerEncoderLayer(4, 2, 8)", "decoder_layer": "nn.TransformerDecoderLayer(4, 2, 8)",
}
# Tensor arguments of functions, by parameter name (for argument-type claims verified by a call).
TENSOR_PARAMETERS = ("input", "x", "input_x", "inputs", "logits", "a", "tensor", "tensor_x")
# Literal kinds a linter can see in source, and the literal each is probed with.
LITERALS = {"int": "1", "float": "0.5", "bool": "True", "str": "'a'", "none": "None", "tuple": "(1, 1)", "list": "[1, 1]"}
ACCEPTED_KINDS = {
    "int": {"int"}, "float": {"float"}, "bool": {"bool"}, "str": {"str"}, "tuple": {"tuple"}, "list": {"list"},
    "None": {"none"}, "type(None)": {"none"}, "NoneType": {"none"}, "Number": {"int", "float"},
    "numbers.Number": {"int", "float"}, "Real": {"int", "float"}, "Iterable": {"tuple", "list", "str"},
}
# Single-type validators read besides check_value_type (gen_arg_types' float ones first).
TYPE_VALIDATORS = {
    **gen_arg_types.FLOAT_TYPE,
    **dict.fromkeys(("check_float", "check_negative_float", "check_non_positive_float"), "float"),
    **dict.fromkeys(
        ("check_is_int", "check_int", "check_positive_int", "check_non_negative_int", "check_negative_int",
         "check_non_positive_int", "check_equal_int", "check_int_range"), "int"),
    "check_bool": "bool",
    "check_string": "str",
    gen_arg_types.ISINSTANCE_GUARD: "",
}
TYPED_NAMESPACES = ("mindspore.nn", "mindspore.ops")
# Not called: collective communication needs an initialised cluster (all_reduce and barrier kill the process).
UNPROBED_MODULES = ("mindspore.ops.function.comm_func", "mindspore.communication", "mindspore.ops.operations.comm_ops")
# Tensor call forms: parameter name -> argument (code); a ``*name`` parameter spreads ``SPREAD`` values.
FORM_VALUES = {
    "dim": "1", "axis": "1", "dim0": "-1", "dim1": "-2", "dim2": "-1", "axis0": "-1", "axis1": "-2", "axis2": "-1",
    "start_dim": "1", "end_dim": "-1", "keepdim": "True", "keepdims": "True", "keep_dims": "True",
    "shape": "(4, -1)", "size": "(2, 3, 4)", "dims": "(2, 1, 0)", "axes": "(2, 1, 0)", "perm": "(2, 1, 0)",
    "repeats": "2", "other": "y", "mask": "m", "index": "i", "indices": "i", "src": "y", "source": "y", "value": "0.5",
    "values": "y", "min": "0.1", "max": "0.9", "exponent": "2.0", "p": "2", "chunks": "2", "sections": "2",
    "split_size": "1", "split_size_or_sections": "1", "k": "2", "n": "2", "diagonal": "0", "offset": "0",
    "dtype": "ms.float16", "alpha": "1", "beta": "1", "tensor1": "y", "tensor2": "y", "end": "y", "weight": "0.5",
    "decimals": "1", "descending": "True", "sorted": "True", "largest": "True", "unbiased": "True", "correction": "1",
    "ddof": "1", "q": "0.5", "shifts": "1", "lambd": "0.5", "eps": "1e-6",
}
# Methods that touch devices, files or hooks are not called.
NO_FORM_PREFIXES = gen_signatures.NO_PROBE_PREFIXES + ("tofile", "register_hook", "copy_", "to_", "move_to")
SPREAD = {"shape": "4, -1", "size": "2, 3, 4", "dims": "2, 1, 0", "axes": "2, 1, 0", "repeats": "1, 2, 1"}
FORMS_PER_METHOD = 6
# Classes checked with a Tensor as first constructor argument (configuration / tensor swap), then called.
SWAP_SAMPLE = (
    "mindspore.ops.Tanh", "mindspore.ops.ReLU", "mindspore.ops.Sigmoid", "mindspore.ops.Softmax", "mindspore.ops.Concat",
    "mindspore.ops.ReduceSum", "mindspore.ops.ReduceMean", "mindspore.ops.Transpose", "mindspore.ops.Reshape",
    "mindspore.ops.Squeeze", "mindspore.ops.ExpandDims", "mindspore.ops.Cast", "mindspore.ops.Split",
    "mindspore.ops.Stack", "mindspore.ops.ArgMaxWithValue", "mindspore.ops.OneHot", "mindspore.ops.Gather",
    "mindspore.ops.MatMul", "mindspore.ops.Add", "mindspore.ops.Tile", "mindspore.nn.ReLU", "mindspore.nn.Sigmoid",
    "mindspore.nn.Softmax", "mindspore.nn.LogSoftmax", "mindspore.nn.Flatten", "mindspore.nn.AdaptiveAvgPool2d",
    "mindspore.nn.MaxPool2d", "mindspore.nn.Dropout", "mindspore.nn.BatchNorm2d", "mindspore.nn.Dense",
    "mindspore.nn.LayerNorm", "mindspore.nn.Tanh",
)
# Functions whose calls are run for ``results`` (tensor arguments filled with ``x4``).
RESULT_NAMESPACES = (
    "mindspore.ops", "mindspore.ops.functional", "mindspore.mint", "mindspore.mint.nn.functional", "mindspore.mint.linalg",
    "mindspore.mint.special", "mindspore.numpy", "mindspore.common.initializer",
)
RESULT_FILLERS = {"init": "'normal'", "shape": "(2, 3)", **{name: "x4" for name in TENSOR_PARAMETERS}}
TENSOR = "mindspore.common.tensor.Tensor"
SWAP_RULE = (
    "A Cell or Primitive takes its configuration in __init__ and tensors when called. A Tensor passed to the "
    "constructor raises at construction when __init__ takes no positional parameter (TypeError; init signature "
    "without kind 0/1 parameters) or when the parameter it binds to is validated (TypeError, or ValueError from a "
    "value check such as ops.Concat's axis); otherwise it builds and the error comes when the instance is called."
)


def first_paths(module_table: dict[str, Any]) -> dict[str, str]:
    """Key -> the shortest public ``module.name`` path to it (ties: alphabetical)."""
    paths: dict[str, str] = {}
    for module_name, record in module_table.items():
        for name, (kind, key, *_) in record["names"].items():
            path = f"{module_name}.{name}"
            if kind in ("class", "function") and (key not in paths or (len(path), path) < (len(paths[key]), paths[key])):
                paths[key] = path
    return paths


def call_code(path: str, params: list[list[Any]], overrides: dict[str, str] | None = None) -> str | None:
    """``path(name=value, ...)`` with the required parameters filled from ``FILLERS`` (positional-only ones by
    position) and ``overrides``; None when a required one has no filler."""
    overrides = overrides or {}
    positional, keywords = [], []
    for name, kind, *default in params:
        if kind in (2, 4) or (default and name not in overrides):
            continue
        value = overrides.get(name, FILLERS.get(name))
        if value is None:
            return None
        if kind == 0:
            positional.append(value)
        else:
            keywords.append(f"{name}={value}")
    return f"{path}({', '.join(positional + keywords)})"


def init_params(record: dict[str, Any]) -> list[list[Any]] | None:
    return record["init"]["o"][0] if "o" in record["init"] else None


# ---------------------------------------------------------------------------------------------- instances


def init_source_attributes(cls: type) -> list[str]:
    """Names assigned as ``self.<name> = ...`` in the ``__init__`` of ``cls`` and of its MindSpore bases."""
    found: set[str] = set()
    for base in cls.__mro__:
        if "__init__" not in vars(base) or not surface_introspect.from_mindspore(base):
            continue
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(gen_arg_types._init(base))))  # pylint: disable=protected-access
        except (OSError, TypeError, SyntaxError):
            continue
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
            for target in targets:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Attribute) and isinstance(leaf.value, ast.Name) and leaf.value.id == "self":
                        found.add(leaf.attr)
    return sorted(found)


def instances(class_table: dict[str, Any], registry: surface_introspect.Registry, paths: dict[str, str]) -> dict[str, Any]:
    """What instances hold: built with minimal arguments (Cells, optimizers, Primitives, Tensor, Parameter), else
    the ``self.x = ...`` assignments of the ``__init__`` sources."""
    items = []
    for key, record in class_table.items():
        params = init_params(record)
        if record["kind"] in ("cell", "optimizer", "primitive") and key in paths and params is not None:
            code = call_code(paths[key], params)
            if code is not None:
                items.append({"id": key, "code": code, "class": key})
    properties = {key: sorted(name for name, member in class_table[key]["members"].items() if member["t"] == "attr") for key in
                  ("mindspore.common.tensor.Tensor", "mindspore.common.parameter.Parameter")}
    items.append({"id": "mindspore.common.tensor.Tensor", "code": "ms.Tensor(np.ones((2, 3), np.float32))", "class": "mindspore.common.tensor.Tensor",
                  "properties": properties["mindspore.common.tensor.Tensor"]})
    items.append({"id": "mindspore.common.parameter.Parameter", "code": "ms.Parameter(ms.Tensor(np.ones((2, 3), np.float32)), name='w')",
                  "class": "mindspore.common.parameter.Parameter", "properties": properties["mindspore.common.parameter.Parameter"]})
    built = surface_probes.run("instance", items)
    codes = {item["id"]: item["code"] for item in items}
    out: dict[str, Any] = {}
    for key, record in class_table.items():
        result = built.get(key)
        if result is not None and "error" not in result:
            out[key] = {"how": "built", "code": codes[key], **result}
            continue
        attributes = init_source_attributes(registry.objects[key])
        entry: dict[str, Any] = {"how": "init-source", "attributes": attributes}
        if result:
            entry["code"], entry["error"] = codes[key], result["error"]
        if attributes or result is not None:
            out[key] = entry
    return out


# ---------------------------------------------------------------------------------------------- argument types


def accepted_kinds(types: Iterable[str]) -> set[str]:
    return set().union(*(ACCEPTED_KINDS.get(name, set()) for name in types))


def typed_targets(module_table: dict[str, Any], registry: surface_introspect.Registry) -> list[tuple[str, str, Any, bool]]:
    """(key, public path, object, is_class) of the classes and functions of ``TYPED_NAMESPACES``."""
    seen: dict[str, tuple[str, str, Any, bool]] = {}
    for module_name in TYPED_NAMESPACES:
        for name, (kind, key, *_) in module_table[module_name]["names"].items():
            obj = registry.objects.get(key)
            if kind in ("class", "function") and key not in seen and surface_introspect.from_mindspore(obj) and not key.startswith(UNPROBED_MODULES):
                seen[key] = (key, f"{module_name}.{name}", obj, kind == "class")
    return sorted(seen.values())


def validated(obj: Any, is_class: bool) -> dict[str, set[str]]:
    """Parameter -> validator types, through gen_arg_types (classes: ``__init__`` and bases; functions: body)."""
    try:
        if is_class:
            return gen_arg_types.validated_parameters(obj, TYPE_VALIDATORS)
        function = inspect.unwrap(obj)
        return gen_arg_types.validated_function_parameters(function, TYPE_VALIDATORS) if inspect.isfunction(function) else {}
    except (TypeError, ValueError):
        return {}


def type_items(module_table: dict[str, Any], class_table: dict[str, Any], function_table: dict[str, Any],
               registry: surface_introspect.Registry) -> list[dict[str, Any]]:
    """One probe per validated parameter: the call with an accepted value first, then one call per literal kind
    the validator's types exclude."""
    items = []
    for key, path, obj, is_class in typed_targets(module_table, registry):
        record = class_table.get(key) if is_class else function_table.get(key)
        params = (init_params(record) if is_class else (record or {}).get("o", [None])[0]) if record else None
        if not params:
            continue
        by_name = {param[0]: param for param in params}
        for name, types in sorted(validated(obj, is_class).items()):
            if name not in by_name or by_name[name][1] in (2, 4):
                continue
            kinds = [kind for kind in LITERALS if kind not in accepted_kinds(types)]
            fill = {} if is_class else {param: "x4" for param in TENSOR_PARAMETERS}
            good = FILLERS.get(name) if len(by_name[name]) == 2 else None
            base = call_code(path, params, {**fill, **({name: good} if good else {})})
            if not kinds or base is None:
                continue
            calls = [base] + [call_code(path, params, {**fill, name: LITERALS[kind]}) for kind in kinds]
            source = f"validator in {obj.__module__}"
            items.append({"id": f"{key}|{name}", "code": calls, "kinds": kinds, "types": sorted(types), "source": source})
    return items


def arg_types(items: list[dict[str, Any]], results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Claims by key and parameter: literal kinds that raise TypeError while the accepted call runs."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        key, name = item["id"].split("|")
        outcomes = results[item["id"]].get("results") or [results[item["id"]].get("error", "no result")] * (len(item["kinds"]) + 1)
        entry: dict[str, Any] = {"accepts": item["types"], "accepted": item["code"][0], "source": item["source"]}
        if outcomes[0] != "ok":
            entry["unverified"] = outcomes[0]
        else:
            entry["rejects"] = {kind: got for kind, got in zip(item["kinds"], outcomes[1:]) if got.startswith("TypeError")}
            entry["other"] = {kind: got for kind, got in zip(item["kinds"], outcomes[1:]) if not got.startswith("TypeError")}
        out.setdefault(key, {})[name] = {field: value for field, value in entry.items() if value != {}}
    return out


def type_results_from(data: dict[str, Any], items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The probe outcomes a shipped ``arg_types`` section records for the same calls (for ``--check``)."""
    results: dict[str, dict[str, Any]] = {}
    for item in items:
        key, name = item["id"].split("|")
        entry = data.get(key, {}).get(name)
        if entry is None or entry["accepted"] != item["code"][0]:
            continue
        if "unverified" in entry:
            results[item["id"]] = {"results": [entry["unverified"]] + ["not run"] * len(item["kinds"])}
            continue
        recorded = {**entry.get("rejects", {}), **entry.get("other", {})}
        if set(recorded) == set(item["kinds"]):
            results[item["id"]] = {"results": ["ok"] + [recorded[kind] for kind in item["kinds"]]}
    return results


# ---------------------------------------------------------------------------------------------- tensor swap


def tensor_first_arg(paths: dict[str, str]) -> dict[str, Any]:
    """The rule, and the sample's outcomes: constructing with a Tensor, then calling the instance with one."""
    items = [{"id": path, "code": [f"{path}(x)", f"{path}(x)(y)"]} for path in SWAP_SAMPLE if path in paths.values()]
    results = surface_probes.run("eval", items)
    samples = {}
    for item in items:
        construct, call = results[item["id"]].get("results", [results[item["id"]].get("error")] * 2)
        samples[item["id"]] = {"construct": construct} if construct != "ok" else {"construct": "ok", "call": call}
    return {"rule": SWAP_RULE, "samples": samples}


# ---------------------------------------------------------------------------------------------- graph forms


def argument(name: str, kind: int) -> str | None:
    return SPREAD.get(name) if kind == 2 else FORM_VALUES.get(name)


def forms_of(method: str, overloads: list[list[list[Any]]], torch_args: list[str] | None) -> list[str]:
    """Call forms of ``x.<method>``: per overload the required arguments by position and by keyword, and with the
    first optional one added; torch's first arguments by position and the first by keyword."""
    forms: list[str] = []

    def add(parts: list[str | None]) -> None:
        if parts and None not in parts:
            form = f"x.{method}({', '.join(parts)})"  # type: ignore[arg-type]
            if form not in forms:
                forms.append(form)

    for params in overloads:
        required = [p for p in params if len(p) == 2 and p[1] in (0, 1, 2)]
        optional = [p for p in params if len(p) == 3 and p[1] in (1, 3)]
        add([argument(name, kind) for name, kind, *_ in required])
        if required and all(kind in (1, 3) for _, kind, *_ in required):
            add([f"{name}={argument(name, kind)}" if argument(name, kind) else None for name, kind, *_ in required])
        if optional:
            name, kind, _ = optional[0]
            value = argument(name, kind)
            add([argument(n, k) for n, k, *_ in required] + [f"{name}={value}" if value else None])
            if kind == 1:
                add([argument(n, k) for n, k, *_ in required] + [value])
    if torch_args:
        spread = [argument(name[1:], 2) if name.startswith("*") else argument(name, 1) for name in torch_args]
        add(spread[:1])
        add(spread[:2])
        if not torch_args[0].startswith("*") and spread[0]:
            add([f"{torch_args[0]}={spread[0]}"])
    return forms[:FORMS_PER_METHOD]


def form_items(class_table: dict[str, Any]) -> list[dict[str, Any]]:
    """Candidate forms for every Tensor method with parameters (device/file methods excluded)."""
    torch = json.loads(TORCH_MAPPING.read_text(encoding="utf-8"))["entries"]
    items = []
    for name, member in sorted(class_table["mindspore.common.tensor.Tensor"]["members"].items()):
        if member["t"] != "method" or "o" not in member or name.startswith(NO_FORM_PREFIXES):
            continue
        torch_args = (torch.get(f"torch.Tensor.{name}") or {}).get("torch_args")
        for form in forms_of(name, member["o"], torch_args):
            items.append({"id": form, "code": [form]})
    return items


def graph_forms(items: list[dict[str, Any]], cached: dict[str, Any], run: bool) -> dict[str, Any]:
    """Per method: each form's outcome in PyNative, and in GRAPH_MODE (LAX, STRICT) for forms PyNative runs. The
    ``cached`` outcomes of the same forms are used; with ``run`` the other forms run."""
    results = forms_from(cached)
    todo = [item for item in items if item["id"] not in results] if run else []
    results |= {item["id"]: {"pynative": NOT_PROBED} for item in items if item["id"] not in results}
    pynative = surface_probes.run("eval", todo)
    compiled = [{"id": item["id"], "code": item["code"][0]} for item in todo if _first(pynative[item["id"]]) == "ok"]
    lax, strict = surface_probes.run("graph-lax", compiled), surface_probes.run("graph-strict", compiled)
    for item in todo:
        outcome = {"pynative": _first(pynative[item["id"]])}
        if item["id"] in lax:
            outcome |= {"graph_lax": _first(lax[item["id"]]), "graph_strict": _first(strict[item["id"]])}
        results[item["id"]] = outcome
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        method = item["id"][2:].split("(")[0]
        out.setdefault(method, {})[item["id"]] = results[item["id"]]
    return out


def forms_from(section: dict[str, Any]) -> dict[str, Any]:
    return {form: outcome for forms in section.values() for form, outcome in forms.items()}


def _first(result: dict[str, Any]) -> str:
    return (result.get("results") or [result.get("error", "no result")])[0]


def narrower(section: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Forms PyNative runs and a GRAPH_MODE level rejects: the levels, and the cause (``cpu-kernel`` when graph
    compilation picks an operator without a CPU kernel, else ``graph``)."""
    out: dict[str, dict[str, Any]] = {}
    for form, got in forms_from(section).items():
        levels = [level for level in ("graph_lax", "graph_strict") if got.get(level, "ok") != "ok"]
        if got["pynative"] == "ok" and levels:
            out[form] = {"levels": levels, "cause": "cpu-kernel" if "Unsupported op" in got[levels[0]] else "graph"}
    return out


# ---------------------------------------------------------------------------------------------- results


def result_items(module_table: dict[str, Any], class_table: dict[str, Any], function_table: dict[str, Any],
                 instance_table: dict[str, Any], forms: dict[str, Any]) -> list[dict[str, Any]]:
    """Calls whose value's class is recorded: each Tensor method's forms that run in PyNative (and ``x.m()`` when an
    overload needs no argument), each function of ``RESULT_NAMESPACES`` with its required arguments filled, and each
    built Primitive or Cell called with ``x4`` for its required inputs."""
    items = []
    for name, member in sorted(class_table[TENSOR]["members"].items()):
        if member["t"] != "method" or "o" not in member or name.startswith(NO_FORM_PREFIXES):
            continue
        codes = [form for form, got in forms.get(name, {}).items() if got["pynative"] == "ok"]
        if any(all(len(param) == 3 or param[1] in (2, 4) for param in overload) for overload in member["o"]):
            codes.insert(0, f"x.{name}()")
        if codes:
            items.append({"id": f"{TENSOR}.{name}", "code": codes})
    seen: set[str] = set()
    for module_name in RESULT_NAMESPACES:
        for name, (kind, key, *_) in sorted(module_table[module_name]["names"].items()):
            record = function_table.get(key) if kind == "function" else None
            if record is None or "o" not in record or key in seen or key.startswith(UNPROBED_MODULES):
                continue
            code = call_code(f"{module_name}.{name}", record["o"][0], RESULT_FILLERS)
            if code is not None:
                seen.add(key)
                items.append({"id": key, "code": [code]})
    for key, entry in sorted(instance_table.items()):
        call = class_table[key].get("call", {})
        if entry["how"] != "built" or class_table[key]["kind"] not in ("cell", "primitive") or "o" not in call:
            continue
        inputs = [("" if kind in (0, 1) else f"{name}=") + "x4" for name, kind, *default in call["o"][0] if not default and kind in (0, 1, 3)]
        items.append({"id": key, "code": [f"({entry['code']})({', '.join(inputs)})"]})
    return items


def call_results(items: list[dict[str, Any]], cached: dict[str, Any], run: bool) -> dict[str, Any]:
    """``{id: {code: class name of the value | "raises <Exception>"}}``: the ``cached`` outcomes of the same calls, and
    with ``run`` the other calls run (without it they are ``not probed``)."""
    out = {item["id"]: {code: cached[item["id"]][code] for code in item["code"] if code in cached.get(item["id"], {})} for item in items}
    todo = [item for item in items if len(out[item["id"]]) < len(item["code"])]
    found = surface_probes.run("types", todo) if run else {}
    for item in todo:
        result = found.get(item["id"], {"error": NOT_PROBED})
        got = result.get("results") or [f"raises {result.get('error', 'no result')}"] * len(item["code"])
        out[item["id"]] = dict(zip(item["code"], got)) if run else {code: out[item["id"]].get(code, NOT_PROBED) for code in item["code"]}
    return out


# ---------------------------------------------------------------------------------------------- assembly


def version_key() -> str:
    """``major.minor`` of the installed MindSpore: the key of its record."""
    import mindspore

    return ".".join(mindspore.__version__.split(".")[:2])


def shipped_record() -> dict[str, Any]:
    """The shipped file's record for the installed MindSpore."""
    return json.loads(OUT.read_text(encoding="utf-8"))["versions"][version_key()]


def build(previous: dict[str, Any], run: bool) -> dict[str, Any]:
    """The whole file. Slow probe outcomes (argument types, graph forms, results) that ``previous`` (the shipped record
    of this version) holds for the same calls are reused; with ``run`` the other calls run, without it (``--check``)
    they are marked not probed."""
    import mindspore

    version = version_key()
    modules = surface_introspect.import_modules()
    module_table, class_table, function_table, registry = surface_introspect.collect(modules)
    paths = first_paths(module_table)
    items = type_items(module_table, class_table, function_table, registry)
    results = type_results_from(previous.get("arg_types", {}), items)
    todo = [item for item in items if item["id"] not in results]
    results |= surface_probes.run("eval", todo) if run else {item["id"]: {"error": NOT_PROBED} for item in todo}
    forms = graph_forms(form_items(class_table), previous.get("graph_forms", {}), run)
    instance_table = instances(class_table, registry, paths)
    calls = result_items(module_table, class_table, function_table, instance_table, forms)
    record = {
        "mindspore": mindspore.__version__,
        "sources": SOURCES,
        "modules": module_table,
        "classes": class_table,
        "functions": function_table,
        "instances": instance_table,
        "arg_types": arg_types(items, results),
        "tensor_first_arg": tensor_first_arg(paths),
        "graph_forms": forms,
        "graph_narrower": narrower(forms),
        "results": call_results(calls, previous.get("results", {}), run),
    }
    return {
        "meta": {"format": FORMAT, "command": COMMAND, "documentation": "mslint/knowledge/data/README_surface.md"},
        "versions": {version: record},
    }


SOURCES = {
    "modules": "dir() of each module after importing all of them; pkgutil.iter_modules for submodules",
    "classes": "inspect (signatures: field s = inspect | docstring | probe | construct | __call__ | infer_shape | "
               "__infer__ | docstring-inputs | none)",
    "functions": "inspect, else the docstring signature lines (field s)",
    "instances": "built in PyNative on CPU with the code in field code (how = built), else the self.x assignments of "
                 "the __init__ sources (how = init-source)",
    "arg_types": "validator calls read from the source (gen_arg_types), each literal kind verified by a call in PyNative "
                 "on CPU",
    "tensor_first_arg": "calls in PyNative on CPU",
    "graph_forms": "each form run in PyNative and returned from a Cell's construct in GRAPH_MODE (jit_syntax_level LAX "
                   "and STRICT) on CPU",
    "graph_narrower": "derived from graph_forms",
    "results": "each call run in PyNative on CPU; the class name of its value, or the exception it raises",
}
# One line per entry at these depths below versions.<v>.<section> (0 = the section on one line).
EXPANDED_DEPTH = {"modules": 3, "classes": 1, "functions": 1, "instances": 1, "arg_types": 1, "tensor_first_arg": 2,
                  "graph_forms": 1, "graph_narrower": 1, "results": 1}


def render(data: dict[str, Any]) -> str:
    """Deterministic JSON, one entry per line where diffs need it."""
    def dump(value: Any, depth: int, indent: str) -> str:
        if depth <= 0 or not isinstance(value, dict) or not value:
            return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        inner = indent + " "
        rows = [f"{inner}{json.dumps(key)}:{dump(value[key], depth - 1, inner)}" for key in sorted(value)]
        return "{\n" + ",\n".join(rows) + "\n" + indent + "}"

    versions = {version: {section: dump(value, EXPANDED_DEPTH.get(section, 0), "   ") for section, value in record.items()}
                for version, record in data["versions"].items()}
    lines = ["{", f' "meta":{json.dumps(data["meta"], sort_keys=True)},', ' "versions":{']
    for index, (version, sections) in enumerate(sorted(versions.items())):
        body = ",\n".join(f"   {json.dumps(section)}:{text}" for section, text in sorted(sections.items()))
        lines.append(f"  {json.dumps(version)}:{{\n{body}\n  }}" + ("," if index < len(versions) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs (reuses its slow probe outcomes)")
    parser.add_argument("--reuse", action="store_true",
                        help="write, reusing the slow probe outcomes the shipped file records for the same calls (after a "
                             "change of this generator with the same MindSpore installed); only new calls run")
    parser.add_argument("--out", type=Path, default=OUT)
    options = parser.parse_args(argv)
    existing = json.loads(options.out.read_text(encoding="utf-8")) if options.out.exists() else {"versions": {}}
    previous = existing["versions"].get(version_key(), {}) if options.check or options.reuse else {}
    data = build(previous, run=not options.check)
    data["versions"] = {**existing["versions"], **data["versions"]}  # other MindSpore versions are kept
    return write_or_check(options.out, render(data), options.check, COMMAND)


if __name__ == "__main__":
    sys.exit(main())
