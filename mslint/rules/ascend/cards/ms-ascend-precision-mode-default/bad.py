"""Selects Ascend with the default precision_mode: on Atlas training series fp32 Conv/MatMul run in fp16."""
import mindspore as ms

ms.set_context(device_target="Ascend")  # [ms-ascend-precision-mode-default]
