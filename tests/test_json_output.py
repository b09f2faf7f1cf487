"""The JSON format: docs/json.md's example has exactly the fields the real output has."""

from __future__ import annotations

import json
import os
import re
import shutil

from helpers import CARDS, ROOT

from mslint.cli import main

DOC = ROOT / "docs" / "json.md"


def shape(value: object) -> object:
    """The keys and value types of a JSON value, recursively (list items merged)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        merged: dict = {}
        for item in value:
            merged.update(shape(item) if isinstance(item, dict) else {"": shape(item)})
        return [merged]
    return type(value).__name__


def test_the_documented_example_matches_the_real_output(tmp_path, capsys):
    (tmp_path / "pkg").mkdir()
    shutil.copy(CARDS / "ms-tensor-size-call" / "bad.py", tmp_path / "pkg" / "a.py")
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["check", "pkg", "--format", "json", "--mindspore-version=2.10"]) == 1
    finally:
        os.chdir(previous)
    real = json.loads(capsys.readouterr().out)
    example = json.loads(re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL).group(1))
    assert shape(example) == shape(real)
    assert example["findings"] == real["findings"]  # the example is a real run (the version aside)


def test_every_documented_field_is_in_the_field_tables():
    text = DOC.read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.DOTALL).group(1))

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {key for item in value.values() for key in keys(item)}
        if isinstance(value, list):
            return {key for item in value for key in keys(item)}
        return set()

    for key in keys(example):
        assert f"`{key}`" in text.split("## Fields", 1)[1], key
