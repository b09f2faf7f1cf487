"""A dense kernel read from a TensorFlow checkpoint and copied into nn.Dense without a transpose."""
import numpy as np
from mindspore import Tensor, nn


class CheckpointReader:
    """Stands for tf.train.load_checkpoint(path): TensorFlow stores a dense kernel as (in, out)."""

    def get_tensor(self, name):
        return np.arange(9, dtype=np.float32).reshape(3, 3)


def load_dense(dense, reader):
    dense.weight.set_data(Tensor(reader.get_tensor("fc/weights")))  # [ms-tf-checkpoint-layout]


def demo():
    dense = nn.Dense(3, 3, has_bias=False)
    load_dense(dense, CheckpointReader())
    return dense(Tensor(np.array([[1.0, 2.0, 3.0]], np.float32)))
