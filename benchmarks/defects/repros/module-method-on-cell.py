"""A torch.nn.Module method called on a MindSpore Cell that does not have it (nn.Dense.reset_parameters)."""

from mindspore import nn

FAMILY = "porting"
EXPECT = "AttributeError"


class _Lora(nn.Dense):
    def __init__(self, port):
        super().__init__(4, 3)
        if port:
            super().reset_parameters()  # torch: nn.Linear.reset_parameters(self)


def bad():
    return _Lora(True)


def good():
    return _Lora(False)
