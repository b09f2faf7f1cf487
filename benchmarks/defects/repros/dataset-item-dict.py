"""A torch-style Dataset whose __getitem__ returns a dict, fed to mindspore.dataset.GeneratorDataset (which wants a tuple of arrays and a list of column names)."""

import mindspore.dataset as ds
import numpy as np

FAMILY = "porting"
EXPECT = "TypeError"


class _Source:
    def __init__(self, as_tuple):
        self.as_tuple = as_tuple

    def __getitem__(self, index):
        item = {"sample_id": np.array([index]), "pts_input": np.ones((4, 3), np.float32)}
        return tuple(item.values()) if self.as_tuple else item

    def __len__(self):
        return 2


def bad():
    source = _Source(False)
    loader = ds.GeneratorDataset(source, column_names=source[0], shuffle=False)  # cols taken from the dict item
    return [d["pts_input"] for d in loader.create_dict_iterator(num_epochs=1)]


def good():
    source = _Source(True)
    loader = ds.GeneratorDataset(source, column_names=["sample_id", "pts_input"], shuffle=False)
    return [d["pts_input"] for d in loader.create_dict_iterator(num_epochs=1)]
