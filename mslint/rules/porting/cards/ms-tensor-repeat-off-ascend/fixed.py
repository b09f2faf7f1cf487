"""Tensor.repeat on CPU: it has only an Ascend kernel in MindSpore 2.10."""
import mindspore as ms
import numpy as np
from mindspore import Tensor


def demo():
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    return x.tile((2, 2)).asnumpy().tolist()


if __name__ == "__main__":
    ms.set_device("CPU")
    print(demo())
