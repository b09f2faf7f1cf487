"""MindSpore 2.10 (CPU) behaviours the TensorFlow rules (75xx) and the TensorFlow origin rely on; one fact per test."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import require

from mslint.rules import tensorflow as tf_rules

ms = require("mindspore")
np = require("numpy")  # comes with MindSpore: required after it (a clear skip or CI failure, not an import error)
nn, ops, Tensor = ms.nn, ms.ops, ms.Tensor
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True, scope="module")
def _pynative() -> None:
    ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")


def _nchw(channels: int = 4, size: int = 8) -> Tensor:
    return Tensor(np.arange(channels * size * size, dtype=np.float32).reshape(1, channels, size, size) / 100)


def _resolve(qualname: str):
    module, _, name = qualname.rpartition(".")
    return getattr(importlib.import_module(module), name)


# data_format="NHWC"

NHWC_BUILDERS = {
    "mindspore.nn.Conv2d": lambda: nn.Conv2d(4, 4, 3, data_format="NHWC"),
    "mindspore.nn.BatchNorm2d": lambda: nn.BatchNorm2d(4, data_format="NHWC"),
    "mindspore.nn.MaxPool2d": lambda: nn.MaxPool2d(2, 2, data_format="NHWC"),
    "mindspore.nn.AvgPool2d": lambda: nn.AvgPool2d(2, 2, data_format="NHWC"),
    "mindspore.ops.Conv2D": lambda: ops.Conv2D(4, 3, data_format="NHWC"),
}


def test_nhwc_table_is_the_tested_one() -> None:
    assert set(NHWC_BUILDERS) == tf_rules.NHWC_GPU_ONLY


@pytest.mark.parametrize("api", sorted(NHWC_BUILDERS))
def test_nhwc_raises_on_cpu(api: str) -> None:
    with pytest.raises(ValueError, match="NHWC"):
        NHWC_BUILDERS[api]()


# 4-element windows: each listed parameter raises, or runs with another result than the middle two


def _window_call(api: str, parameter: str, value: tuple[int, ...]):
    x = _nchw()
    arguments = {"kernel_size": 2, "stride": 2, "strides": 2, "dilation": 1}
    arguments[parameter] = value
    if api in ("mindspore.nn.Conv2d", "mindspore.nn.Conv2dTranspose"):
        return _resolve(api)(4, 4, arguments["kernel_size"], stride=arguments["stride"], dilation=arguments["dilation"])(x)
    if api in ("mindspore.nn.MaxPool2d", "mindspore.nn.AvgPool2d"):
        return _resolve(api)(arguments["kernel_size"], arguments["stride"])(x)
    if api == "mindspore.ops.conv2d":
        return ops.conv2d(x, Tensor(np.ones((4, 4, 2, 2), np.float32)), stride=arguments["stride"], dilation=arguments["dilation"])
    if api in ("mindspore.ops.max_pool2d", "mindspore.ops.avg_pool2d"):
        return _resolve(api)(x, arguments["kernel_size"], arguments["stride"])
    if api in ("mindspore.ops.MaxPool", "mindspore.ops.AvgPool"):
        return _resolve(api)(arguments["kernel_size"], arguments["strides"])(x)
    if api == "mindspore.ops.Conv2D":
        return ops.Conv2D(4, arguments["kernel_size"])(x, Tensor(np.ones((4, 4, 2, 2), np.float32)))
    raise AssertionError(api)


WINDOW_CASES = [(api, parameter) for api, parameters in sorted(tf_rules.WINDOW_PARAMETERS.items()) for parameter in parameters]


@pytest.mark.parametrize(("api", "parameter"), WINDOW_CASES)
def test_four_element_window_raises_or_diverges(api: str, parameter: str) -> None:
    ms.set_seed(0)
    expected = _window_call(api, parameter, (2, 2)).asnumpy()
    try:
        ms.set_seed(0)
        got = _window_call(api, parameter, (1, 2, 2, 1)).asnumpy()
    except (TypeError, ValueError):
        return
    assert got.shape != expected.shape or not np.allclose(got, expected), (api, parameter)


def test_conv2d_primitive_takes_nchw_four_element_strides() -> None:
    """Why ops.Conv2D's stride/dilation are not in the table: (1, 1, 2, 2) is its own NCHW form."""
    weight = Tensor(np.ones((4, 4, 3, 3), np.float32))
    assert ops.Conv2D(4, 3, stride=(1, 1, 2, 2))(_nchw(), weight).shape == ops.Conv2D(4, 3, stride=2)(_nchw(), weight).shape


# padding strings and pad_mode case


def test_padding_string_raises_type_error_on_conv() -> None:
    with pytest.raises(TypeError, match="'padding' must be int or tuple"):
        nn.Conv2d(4, 4, 3, padding="SAME")


def test_padding_string_raises_value_error_on_pooling() -> None:
    with pytest.raises(ValueError, match="padding"):
        nn.MaxPool2d(3, 2, padding="VALID")


def test_same_pads_the_odd_pixel_at_the_end_as_tensorflow() -> None:
    """TensorFlow's SAME puts the extra pixel of an odd total padding at the bottom/right: so does pad_mode='same'."""
    x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
    conv = nn.Conv2d(1, 1, 2, pad_mode="same", weight_init="ones")
    got = conv(Tensor(x)).asnumpy()[0, 0]
    padded = np.pad(x[0, 0], ((0, 1), (0, 1)))  # TensorFlow: pad_top = total // 2 = 0, pad_bottom = 1
    expected = np.array([[padded[i : i + 2, j : j + 2].sum() for j in range(4)] for i in range(4)])
    np.testing.assert_allclose(got, expected)


PAD_MODE_BUILDERS = {
    "mindspore.nn.Conv1d": lambda mode: nn.Conv1d(4, 4, 3, pad_mode=mode),
    "mindspore.nn.Conv2d": lambda mode: nn.Conv2d(4, 4, 3, pad_mode=mode),
    "mindspore.nn.Conv3d": lambda mode: nn.Conv3d(4, 4, 3, pad_mode=mode),
    "mindspore.nn.Conv1dTranspose": lambda mode: nn.Conv1dTranspose(4, 4, 3, pad_mode=mode),
    "mindspore.nn.Conv2dTranspose": lambda mode: nn.Conv2dTranspose(4, 4, 3, pad_mode=mode),
    "mindspore.nn.Conv3dTranspose": lambda mode: nn.Conv3dTranspose(4, 4, 3, pad_mode=mode),
    "mindspore.nn.MaxPool1d": lambda mode: nn.MaxPool1d(3, 2, pad_mode=mode),
    "mindspore.nn.MaxPool2d": lambda mode: nn.MaxPool2d(3, 2, pad_mode=mode)(_nchw()),
    "mindspore.nn.MaxPool3d": lambda mode: nn.MaxPool3d(3, 2, pad_mode=mode),
    "mindspore.nn.AvgPool1d": lambda mode: nn.AvgPool1d(3, 2, pad_mode=mode),
    "mindspore.nn.AvgPool2d": lambda mode: nn.AvgPool2d(3, 2, pad_mode=mode)(_nchw()),
    "mindspore.nn.AvgPool3d": lambda mode: nn.AvgPool3d(3, 2, pad_mode=mode),
    "mindspore.ops.Conv2D": lambda mode: ops.Conv2D(4, 3, pad_mode=mode),
    "mindspore.ops.Conv3D": lambda mode: ops.Conv3D(4, 3, pad_mode=mode),
    "mindspore.ops.Conv2DTranspose": lambda mode: ops.Conv2DTranspose(4, 3, pad_mode=mode),
    "mindspore.ops.MaxPool": lambda mode: ops.MaxPool(3, 2, pad_mode=mode)(_nchw()),
    "mindspore.ops.AvgPool": lambda mode: ops.AvgPool(3, 2, pad_mode=mode)(_nchw()),
    "mindspore.ops.MaxPool3D": lambda mode: ops.MaxPool3D(3, 2, pad_mode=mode),
    "mindspore.ops.AvgPool3D": lambda mode: ops.AvgPool3D(3, 2, pad_mode=mode),
    "mindspore.ops.conv1d": lambda mode: ops.conv1d(Tensor(np.ones((1, 4, 8), np.float32)), Tensor(np.ones((4, 4, 3), np.float32)), pad_mode=mode),
    "mindspore.ops.conv2d": lambda mode: ops.conv2d(_nchw(), Tensor(np.ones((4, 4, 3, 3), np.float32)), pad_mode=mode),
    "mindspore.ops.conv3d": lambda mode: ops.conv3d(Tensor(np.ones((1, 4, 4, 4, 4), np.float32)), Tensor(np.ones((4, 4, 3, 3, 3), np.float32)), pad_mode=mode),
}


def test_pad_mode_tables_cover_the_tested_apis() -> None:
    assert set(PAD_MODE_BUILDERS) == tf_rules.PAD_MODE_LOWER_CASE_ONLY | tf_rules.PAD_MODE_ANY_CASE
    assert not tf_rules.PAD_MODE_LOWER_CASE_ONLY & tf_rules.PAD_MODE_ANY_CASE


@pytest.mark.parametrize("api", sorted(PAD_MODE_BUILDERS))
def test_upper_case_pad_mode_raises_exactly_where_the_rule_says(api: str) -> None:
    PAD_MODE_BUILDERS[api]("same")
    if api in tf_rules.PAD_MODE_LOWER_CASE_ONLY:
        with pytest.raises(ValueError, match="'pad_mode' must be str and must be in"):
            PAD_MODE_BUILDERS[api]("SAME")
    else:
        PAD_MODE_BUILDERS[api]("SAME")


def test_upper_case_pad_mode_on_maxpool2d_pads_like_lower_case() -> None:
    """The migration guide's MaxPool2d(3, 2, pad_mode="SAME") is right as written."""
    upper = nn.MaxPool2d(3, 2, pad_mode="SAME")(_nchw(4, 7)).asnumpy()
    lower = nn.MaxPool2d(3, 2, pad_mode="same")(_nchw(4, 7)).asnumpy()
    np.testing.assert_array_equal(upper, lower)


# tensors, axes and losses


@pytest.mark.parametrize("method", sorted(tf_rules.TF_TENSOR_METHODS))
def test_tensorflow_tensor_methods_are_missing(method: str) -> None:
    with pytest.raises(AttributeError, match=method):
        getattr(Tensor(np.ones((2, 3), np.float32)), method)


def test_concat_on_axis_3_of_nchw_joins_the_width() -> None:
    a, b = _nchw(4, 8), _nchw(4, 8)
    assert ops.concat((a, b), 3).shape == (1, 4, 8, 16)
    assert ops.Concat(axis=-1)((a, b)).shape == (1, 4, 8, 16)
    assert ops.concat((a, b), 1).shape == (1, 8, 8, 8)


@pytest.mark.parametrize("api", sorted(tf_rules.PREDICTION_FIRST_LOSSES))
def test_loss_construct_takes_the_prediction_first(api: str) -> None:
    parameters = list(inspect.signature(_resolve(api).construct).parameters)[1:3]
    assert tuple(parameters) == tf_rules.PREDICTION_FIRST_LOSSES[api]


def test_softmax_cross_entropy_with_labels_first_computes_another_value() -> None:
    logits = Tensor(np.array([[2.0, 0.5, -1.0]], np.float32))
    labels = Tensor(np.array([[1.0, 0.0, 0.0]], np.float32))
    loss = nn.SoftmaxCrossEntropyWithLogits(reduction="mean")
    assert abs(float(loss(logits, labels).asnumpy()) - float(loss(labels, logits).asnumpy())) > 0.05


# conventions that stay silent under a TensorFlow origin


def test_batchnorm_momentum_has_tensorflow_meaning() -> None:
    """moving_mean = momentum * moving_mean + (1 - momentum) * batch_mean, as tf.layers.batch_normalization."""
    norm = nn.BatchNorm2d(1, momentum=0.99)
    norm.set_train()
    norm(Tensor(np.full((2, 1, 2, 2), 5.0, np.float32)))
    assert float(norm.moving_mean.asnumpy()[0]) == pytest.approx(0.01 * 5.0, rel=1e-5)


def test_dropout_positional_is_tensorflow_keep_prob() -> None:
    """nn.Dropout(0.9) keeps 90%, as tf.nn.dropout(x, 0.9) in TensorFlow 1.x."""
    drop = nn.Dropout(0.9)
    drop.set_train()
    zeros = float((drop(Tensor(np.ones((200, 200), np.float32))).asnumpy() == 0).mean())
    assert 0.07 < zeros < 0.13


# the mapping data


def test_every_mindspore_name_of_the_mapping_exists() -> None:
    entries = json.loads((ROOT / "mslint" / "knowledge" / "data" / "tf_mapping.json").read_text(encoding="utf-8"))["entries"]
    missing = []
    for tf_name, entry in entries.items():
        for target in entry["ms"]:
            parts, obj = target.split("."), None
            for cut in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:cut]))
                except ImportError:
                    continue
                for attribute in parts[cut:]:
                    obj = getattr(obj, attribute, None)
                break
            if obj is None:
                missing.append((tf_name, target))
    assert not missing


def test_mapping_file_is_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_tf_mapping.py"), "--check"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
