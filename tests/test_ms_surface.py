"""mslint/knowledge/data/ms_surface.json: its shape, its cross-references, and the facts README_surface.md cites
(no MindSpore needed; tests/oracle/test_ms_surface_*.py compare the file with the installed MindSpore)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "mslint" / "knowledge" / "data" / "ms_surface.json"
KINDS = {"module", "class", "function", "instance", "constant"}
CLASS_KINDS = {"cell", "optimizer", "primitive", "tensor", "parameter", "class"}
TENSOR = "mindspore.common.tensor.Tensor"


@pytest.fixture(scope="module")
def surface() -> dict[str, Any]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert data["meta"]["format"] == 1
    return data["versions"]["2.10"]


def names(surface: dict[str, Any], module: str) -> dict[str, list[Any]]:
    return surface["modules"][module]["names"]


def test_names_reference_recorded_objects(surface: dict[str, Any]) -> None:
    for module, record in surface["modules"].items():
        for name, (kind, reference, *_) in record["names"].items():
            assert kind in KINDS, (module, name)
            if kind == "class" and reference.startswith("mindspore"):
                assert reference in surface["classes"], (module, name, reference)
            if kind == "function" and reference.startswith("mindspore"):
                assert reference in surface["functions"], (module, name, reference)


def test_classes_have_kind_mro_and_init(surface: dict[str, Any]) -> None:
    for key, record in surface["classes"].items():
        assert record["kind"] in CLASS_KINDS, key
        assert all(base in surface["classes"] for base in record["mro"]), key
        assert record["init"]["s"] in ("inspect", "none"), key
        if record["kind"] in ("cell", "optimizer", "primitive"):
            assert "call" in record, key


def test_aliases_resolve_to_one_key(surface: dict[str, Any]) -> None:
    dense = names(surface, "mindspore.nn")["Dense"][1]
    assert names(surface, "mindspore.nn.layer")["Dense"][1] == dense == "mindspore.nn.layer.basic.Dense"
    assert names(surface, "mindspore.ops.operations")["Add"] == names(surface, "mindspore.ops")["Add"]
    assert names(surface, "mindspore")["dtype"] == ["module", "mindspore.common.dtype"]


def test_functional_holds_what_it_really_contains(surface: dict[str, Any]) -> None:
    functional = names(surface, "mindspore.ops.functional")
    assert "normalize" not in functional
    assert functional["tensor_add"] == ["instance", "mindspore.ops.auto_generate.gen_ops_prim.Add"]


def test_tensor_properties_are_not_callable(surface: dict[str, Any]) -> None:
    members = surface["classes"][TENSOR]["members"]
    properties = surface["instances"][TENSOR]["properties"]
    for name, value_type in (("size", "int"), ("shape", "tuple"), ("ndim", "int"), ("T", "Tensor")):
        assert members[name]["t"] == "attr" and properties[name] == value_type, name
    assert members["view"]["t"] == "method"


def test_parameter_instances_are_tensors(surface: dict[str, Any]) -> None:
    assert TENSOR not in surface["classes"]["mindspore.common.parameter.Parameter"]["mro"]
    assert TENSOR in surface["instances"]["mindspore.common.parameter.Parameter"]["instance_mro"]


def test_cell_instances_list_their_parameters(surface: dict[str, Any]) -> None:
    batch_norm = surface["instances"]["mindspore.nn.layer.normalization.BatchNorm2d"]
    assert batch_norm["how"] == "built"
    assert batch_norm["parameters"] == ["beta", "gamma", "moving_mean", "moving_variance"]
    assert surface["instances"]["mindspore.nn.layer.basic.Dense"]["parameters"] == ["bias", "weight"]
    assert "training" in surface["instances"]["mindspore.nn.cell.Cell"]["attributes"]


def test_primitive_call_signatures(surface: dict[str, Any]) -> None:
    assert surface["classes"]["mindspore.ops.auto_generate.gen_ops_prim.Add"]["call"] == {"s": "__call__", "o": [[["input", 1], ["other", 1]]]}
    assert surface["classes"]["mindspore.ops.operations.nn_ops.Conv2D"]["call"]["o"] == [[["x", 0], ["weight", 0]]]


def test_layernorm_int_shape_is_a_claim(surface: dict[str, Any]) -> None:
    entry = surface["arg_types"]["mindspore.nn.layer.normalization.LayerNorm"]["normalized_shape"]
    assert entry["rejects"]["int"].startswith("TypeError: For 'LayerNorm', the type of 'normalized_shape' must be tuple")
    assert set(entry["accepts"]) == {"list", "tuple"}


def test_claims_are_type_errors_of_a_working_call(surface: dict[str, Any]) -> None:
    for key, params in surface["arg_types"].items():
        for name, entry in params.items():
            assert ("unverified" in entry) != ("rejects" in entry or "other" in entry), (key, name)
            assert all(outcome.startswith("TypeError: ") for outcome in entry.get("rejects", {}).values()), (key, name)


def test_tensor_first_arg_sample(surface: dict[str, Any]) -> None:
    samples = surface["tensor_first_arg"]["samples"]
    assert len(samples) >= 30
    assert samples["mindspore.ops.Tanh"]["construct"].startswith("TypeError")
    assert samples["mindspore.nn.AdaptiveAvgPool2d"]["construct"].startswith("TypeError")
    assert samples["mindspore.ops.ReduceSum"]["construct"] == "ok"  # builds with keep_dims=<Tensor>


def test_graph_narrower_forms(surface: dict[str, Any]) -> None:
    forms = {form: outcome for method in surface["graph_forms"].values() for form, outcome in method.items()}
    narrower = surface["graph_narrower"]
    assert narrower["x.transpose(-1, -2)"] == {"levels": ["graph_lax", "graph_strict"], "cause": "graph"}
    for form, fact in narrower.items():
        assert forms[form]["pynative"] == "ok", form
        assert all(forms[form][level] != "ok" for level in fact["levels"]), form
    assert forms["x.view(4, -1)"] == {"pynative": "ok", "graph_lax": "ok", "graph_strict": "ok"}
