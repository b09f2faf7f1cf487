"""An import that cannot resolve: a module shadowed by a package of the same name, or a path that does not exist."""

import os
import sys
import tempfile

FAMILY = "porting"
EXPECT = "ImportError"


def _project():
    root = tempfile.mkdtemp()
    os.makedirs(os.path.join(root, "dataset"))
    open(os.path.join(root, "dataset", "__init__.py"), "w").close()
    with open(os.path.join(root, "dataset.py"), "w") as handle:
        handle.write("def create_dataset():\n    return 1\n")
    return root


def _from_import(statement):
    root = _project()
    sys.path.insert(0, root)
    sys.modules.pop("dataset", None)
    try:
        namespace = {}
        exec(statement, namespace)  # the package dataset/ wins over the module dataset.py
        return namespace
    finally:
        sys.path.remove(root)
        sys.modules.pop("dataset", None)


def bad():
    return _from_import("from dataset import create_dataset")


def good():
    import mindspore.dataset as ds

    return ds.GeneratorDataset
