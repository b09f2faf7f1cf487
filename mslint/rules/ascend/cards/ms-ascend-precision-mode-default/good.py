"""Selects Ascend and keeps fp32 operators in fp32."""
import mindspore as ms

ms.set_context(device_target="Ascend", ascend_config={"precision_mode": "must_keep_origin_dtype"})
