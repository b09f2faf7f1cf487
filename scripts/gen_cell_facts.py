"""Write mslint/knowledge/data/cell_facts.json from an installed MindSpore.

Usage: GLOG_v=3 python scripts/gen_cell_facts.py [--check]

Records the public Cell classes (so a class deriving from any of them is a Cell) and the attributes
MindSpore's own ``nn.Cell`` defines (so ``self.training`` is not an unknown attribute). Constructor
signatures live in ms_signatures.json (scripts/gen_signatures.py).
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path

from generated_file import write_or_check

OUTPUT = Path(__file__).resolve().parent.parent / "mslint" / "knowledge" / "data" / "cell_facts.json"
NAMESPACES = ("mindspore.nn", "mindspore.mint.nn")


def build() -> dict:
    import importlib

    import mindspore
    from mindspore import nn

    classes: list[str] = []
    for namespace in NAMESPACES:
        module = importlib.import_module(namespace)
        for name in sorted(dir(module)):
            value = getattr(module, name, None)
            if not name.startswith("_") and inspect.isclass(value) and issubclass(value, nn.Cell):
                classes.append(f"{namespace}.{name}")
    cell = nn.Cell()
    attributes = set(vars(cell)) | {name for klass in nn.Cell.__mro__ for name in vars(klass)}
    return {
        "mindspore_version": mindspore.__version__,
        "generated_by": "GLOG_v=3 python scripts/gen_cell_facts.py",
        "cell_attributes": sorted(attributes),
        "cell_classes": classes,
    }


def render(data: dict) -> str:
    return json.dumps(data, indent=0, sort_keys=True) + "\n"


def main() -> int:
    text = render(build())
    return write_or_check(OUTPUT, text, "--check" in sys.argv)


if __name__ == "__main__":
    sys.exit(main())
