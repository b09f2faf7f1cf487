"""A training script's PyTorch backend flags, left in the MindSpore port after `import torch` was removed."""
import mindspore as ms


def configure():
    ms.set_context(deterministic='ON')
    return ms.get_context("deterministic")


def demo():
    return configure()
