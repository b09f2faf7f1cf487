"""A torch tensor method called on an object that lacks it (numpy array .exp(), MindSpore Tensor .normal())."""

import math

import numpy as np

FAMILY = "porting"
EXPECT = "AttributeError"


def bad():
    # torch: (torch.arange(0, d_model, 2).float() * -(math.log(10000.0) / d_model)).exp()
    return (np.arange(0, 8, 2, dtype=np.float32) * -(math.log(10000.0) / 8)).exp()


def good():
    return np.exp(np.arange(0, 8, 2, dtype=np.float32) * -(math.log(10000.0) / 8))
