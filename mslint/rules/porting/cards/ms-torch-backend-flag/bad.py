"""A training script's PyTorch backend flags, left in the MindSpore port after `import torch` was removed."""
import mindspore as ms


def configure():
    torch.backends.cudnn.deterministic = True  # [ms-torch-backend-flag]
    torch.backends.cudnn.benchmark = False  # [ms-torch-backend-flag]
    torch.backends.cuda.matmul.allow_tf32 = True  # [ms-torch-backend-flag]
    return ms.get_context("deterministic")


def demo():
    return configure()
