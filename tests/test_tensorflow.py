"""TensorFlow 1.x leftovers (75xx) and the origin the PyTorch-convention porting rules assume."""

from __future__ import annotations

import textwrap
from pathlib import Path

import astroid
import pytest
from helpers import lint_file

from mslint.analysis.origin import NO_SIGN, PYTORCH, TENSORFLOW, Origin, detect_origin
from mslint.knowledge.mappings import load_tf_mapping, tf_mapping_for


def findings(tmp_path: Path, code: str, name: str = "model.py", **options: str) -> list[tuple[int, str, str]]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    return [(f.line, f.symbol, f.message) for f in lint_file(path, **options)]


def lint_symbols(tmp_path: Path, code: str, **options: str) -> set[tuple[int, str]]:
    return {(line, symbol) for line, symbol, _ in findings(tmp_path, code, **options)}


# origin


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import tensorflow as tf\nimport mindspore\n", TENSORFLOW),
        ("import torch\nimport mindspore\n", PYTORCH),
        ("from mindspore import nn\nkeep_prob = 0.8\n", TENSORFLOW),
        ("from mindspore import nn\ndef f(x):\n    return x.get_shape()\n", TENSORFLOW),
        ("from mindspore import nn\nclass A(nn.Cell):\n    def forward(self, x):\n        return x\n", PYTORCH),
    ],
)
def test_origin_from_the_file(code: str, expected: str) -> None:
    assert detect_origin(astroid.parse(code)).framework == expected


def test_mindspore_keep_prob_keyword_is_no_tensorflow_sign(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a parsed module's project is the working folder's: not mslint's own files
    module = astroid.parse("from mindspore import nn\ndrop = nn.Dropout(keep_prob=0.9)\n")
    assert detect_origin(module).reason.startswith("no TensorFlow sign")


def test_origin_from_the_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "net.py").write_text("import tensorflow as tf\n", encoding="utf-8")
    model = tmp_path / "model.py"
    model.write_text("from mindspore import nn\n", encoding="utf-8")
    origin = detect_origin(astroid.MANAGER.ast_from_file(str(model)))
    assert (origin.framework, origin.reason) == (TENSORFLOW, "the project imports tensorflow")


def test_configured_origin_wins() -> None:
    origin = detect_origin(astroid.parse("import torch\n"), "tensorflow")
    assert origin.is_tensorflow and "configured" in origin.describe()


TF_ORIGIN_PORT = """\
    import tensorflow as tf
    from mindspore import nn


    class Head(nn.Cell):
        def __init__(self, keep_prob):
            super().__init__()
            self.norm = nn.BatchNorm2d(64, momentum=0.99)
            self.norm_tf = nn.BatchNorm2d(64, momentum=0.1)
            self.drop = nn.Dropout(keep_prob)
            self.drop_literal = nn.Dropout(0.4)
            self.pool = nn.MaxPool2d(2)
            self.conv = nn.Conv2d(3, 64, 3, pad_mode='same')
"""


def test_tensorflow_conventions_are_not_flagged(tmp_path: Path) -> None:
    found = lint_symbols(tmp_path, TF_ORIGIN_PORT, profile="migration")
    assert not {symbol for _, symbol in found} & {
        "ms-batchnorm-momentum", "ms-dropout-rate-as-keep-prob", "ms-dropout-keep-prob", "ms-pool-stride-default",
        "ms-default-differs", "ms-tf-padding-string", "ms-tf-pad-mode-case",
    }


def test_the_same_code_from_pytorch_is_flagged_and_says_so(tmp_path: Path) -> None:
    code = TF_ORIGIN_PORT.replace("import tensorflow as tf", "import torch")
    messages = {symbol: message for _, symbol, message in findings(tmp_path, code)}
    assert "ported from PyTorch: the file imports torch" in messages["ms-batchnorm-momentum"]
    assert "ported from PyTorch" in messages["ms-dropout-rate-as-keep-prob"]
    assert all("assuming" not in message for message in messages.values())
    assert Origin(PYTORCH, NO_SIGN).describe() == "if ported from PyTorch"  # the checker's reasoning stays out


def test_configured_tensorflow_origin_silences_pytorch_conventions(tmp_path: Path) -> None:
    code = "from mindspore import nn\nnorm = nn.BatchNorm2d(8, momentum=0.1)\ndrop = nn.Dropout(0.2)\n"
    assert {symbol for _, symbol in lint_symbols(tmp_path, code)} == {"ms-batchnorm-momentum", "ms-dropout-rate-as-keep-prob"}
    assert lint_symbols(tmp_path, code, origin="tensorflow") == set()


# layouts, windows and padding


def test_nhwc_is_silent_on_gpu(tmp_path: Path) -> None:
    code = "from mindspore import nn\nconv = nn.Conv2d(3, 8, 3, data_format='NHWC')\n"
    assert lint_symbols(tmp_path, code) == {(2, "ms-tf-nhwc-data-format")}
    assert lint_symbols(tmp_path, code, target="gpu") == set()


@pytest.mark.parametrize(
    "call",
    ["nn.MaxPool2d(kernel_size=(1, 3, 3, 1), stride=(1, 2, 2, 1))", "ops.max_pool2d(x, (1, 2, 2, 1), 2)", "nn.AvgPool2d(2, stride=(1, 2, 2, 1))"],
)
def test_four_element_windows_on_pooling(tmp_path: Path, call: str) -> None:
    code = f"from mindspore import nn, ops\ndef f(x):\n    return {call}\n"
    assert {symbol for _, symbol in lint_symbols(tmp_path, code)} == {"ms-tf-four-element-window"}


def test_nchw_four_element_stride_of_the_conv2d_primitive_is_silent(tmp_path: Path) -> None:
    assert lint_symbols(tmp_path, "from mindspore import ops\nconv = ops.Conv2D(8, 3, stride=(1, 1, 2, 2))\n") == set()


def test_four_element_window_not_in_nhwc_form_has_no_fix(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("from mindspore import nn\nconv = nn.Conv2d(3, 8, 3, stride=(1, 1, 2, 2))\n", encoding="utf-8")
    (finding,) = lint_file(path)
    assert finding.symbol == "ms-tf-four-element-window" and finding.fix is None


@pytest.mark.parametrize(
    "call", ["nn.MaxPool2d(3, 2, pad_mode='SAME')", "nn.Conv3d(3, 8, 3, pad_mode='VALID')", "nn.Conv2d(3, 8, 3, pad_mode='same')"]
)
def test_pad_mode_case_accepted_where_mindspore_accepts_it(tmp_path: Path, call: str) -> None:
    assert lint_symbols(tmp_path, f"from mindspore import nn\nlayer = {call}\n") == set()


def test_padding_string_next_to_pad_mode_has_no_fix(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("from mindspore import nn\npool = nn.MaxPool2d(3, 2, pad_mode='pad', padding='VALID')\n", encoding="utf-8")
    (finding,) = lint_file(path)
    assert finding.symbol == "ms-tf-padding-string" and finding.fix is None


# tensor methods, axes, losses


def test_get_shape_in_a_tensorflow_file_is_not_reported(tmp_path: Path) -> None:
    code = "import tensorflow as tf\nimport mindspore\ndef f(x):\n    return x.get_shape().as_list()\n"
    assert lint_symbols(tmp_path, code) == set()


def test_shape_primitive_held_as_get_shape_is_mindspore(tmp_path: Path) -> None:
    code = """\
        from mindspore import nn, ops


        class Net(nn.Cell):
            def __init__(self):
                super().__init__()
                self.get_shape = ops.Shape()

            def construct(self, x):
                return self.get_shape(x)[0]
    """
    assert lint_symbols(tmp_path, code) == set()


def test_get_shape_as_list_is_reported_without_fix(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("import mindspore\ndef f(x):\n    return x.get_shape().as_list()\n", encoding="utf-8")
    (finding,) = lint_file(path)
    assert finding.symbol == "ms-tf-tensor-method" and finding.fix is None


CONCAT = """\
    from mindspore import nn, ops


    class Block(nn.Cell):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 4, 1)
            self.dense = nn.Dense(4, 4)
            self.concat = ops.Concat(axis=3)
            self.concat_channels = ops.Concat(axis=1)

        def construct(self, x, y):
            a = self.conv(x)
            b = self.dense(y)
            return self.concat((a, a)), self.concat_channels((a, a)), ops.concat((b, b), -1), ops.split(a, 2, axis=3)
"""


def test_channel_axis_only_on_conv_outputs(tmp_path: Path) -> None:
    assert lint_symbols(tmp_path, CONCAT, origin="tensorflow") == {(15, "ms-tf-channel-axis")}
    messages = [message for _, symbol, message in findings(tmp_path, CONCAT, origin="tensorflow")]
    assert len(messages) == 2 and any("Concat(axis=3)" in m for m in messages) and any("ops.split" in m for m in messages)


def test_channel_axis_is_silent_for_pytorch_origin(tmp_path: Path) -> None:
    """PyTorch is NCHW too: its axis 3 is the width on both sides."""
    assert lint_symbols(tmp_path, CONCAT) == set()


def test_channel_axis_follows_the_last_assignment(tmp_path: Path) -> None:
    code = CONCAT.replace("            b = self.dense(y)\n", "            b = self.dense(y)\n            a = a.copy()\n")
    assert lint_symbols(tmp_path, code, origin="tensorflow") == set()


@pytest.mark.parametrize(
    ("call", "reported"),
    [
        ("self.ce(labels, logits)", True),
        ("self.ce(y_true, y_pred)", True),
        ("self.ce(logits, labels)", False),
        ("self.ce(a, b)", False),
        ("self.mse(label, pred)", True),
        ("self.other(labels, logits)", False),
        ("nn.L1Loss()(target, output)", True),
    ],
)
def test_loss_argument_order_by_names(tmp_path: Path, call: str, reported: bool) -> None:
    code = f"""\
        from mindspore import nn


        class WithLoss(nn.Cell):
            def __init__(self, other):
                super().__init__()
                self.ce = nn.SoftmaxCrossEntropyWithLogits()
                self.mse = nn.MSELoss()
                self.other = other

            def construct(self, logits, labels, y_true, y_pred, a, b, label, pred, target, output):
                return {call}
    """
    assert bool(lint_symbols(tmp_path, code)) is reported


# tf.* names


def test_tf_api_only_in_mindspore_files(tmp_path: Path) -> None:
    code = "import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 224, 224, 3])\n"
    assert lint_symbols(tmp_path, code) == set()
    assert lint_symbols(tmp_path, "import mindspore\n" + code) == {(3, "ms-tf-api")}


def test_checkpoint_converters_may_use_tensorflow(tmp_path: Path) -> None:
    code = "import mindspore as ms\nimport tensorflow as tf\nreader = tf.train.NewCheckpointReader('model.ckpt')\n"
    assert lint_symbols(tmp_path, code) == set()


def test_unbound_tf_prefix_counts_as_tensorflow(tmp_path: Path) -> None:
    code = "import mindspore\ndef f(x):\n    return tf.nn.relu(x)\n"
    ((_, symbol, message),) = findings(tmp_path, code)
    assert symbol == "ms-tf-api" and "use mindspore.nn.ReLU" in message


def test_a_local_named_tf_is_not_tensorflow(tmp_path: Path) -> None:
    assert lint_symbols(tmp_path, "import mindspore\ndef f(tf):\n    return tf.nn.relu(1)\n") == set()
    assert lint_symbols(tmp_path, "import mindspore\nfrom helpers import *\ndef f(x):\n    return tf.nn.relu(x)\n") == set()


def test_mapping_lookups() -> None:
    assert tf_mapping_for("tensorflow.compat.v1.placeholder").status == "no-equivalent"
    assert tf_mapping_for("tensorflow.nn.conv2d").ms == ("mindspore.nn.Conv2d",)
    assert tf_mapping_for("torch.nn.Conv2d") is None
    assert all(entry.source for entry in load_tf_mapping().values())
    assert all(entry.ms or entry.status == "no-equivalent" for entry in load_tf_mapping().values())


# checkpoints


CHECKPOINT = """\
    import numpy as np
    import tensorflow as tf
    import mindspore as ms


    def load(net, path):
        reader = tf.train.load_checkpoint(path)
        for name, param in net.parameters_and_names():
            value = reader.get_tensor(name)
            {copy}
"""


@pytest.mark.parametrize(
    ("copy", "reported"),
    [
        ("param.set_data(ms.Tensor(value))", True),
        ("param.set_data(ms.Parameter(ms.Tensor(value)))", True),
        ("param.set_data(ms.Tensor(value.transpose(3, 2, 0, 1)))", False),
        ("param.set_data(ms.Tensor(np.transpose(value)))", False),
        ("param.set_data(ms.Tensor(value.T if value.ndim == 2 else value))", False),
        ("param.set_data(ms.Tensor(reader.get_tensor('conv1/biases')))", False),
    ],
)
def test_checkpoint_copy(tmp_path: Path, copy: str, reported: bool) -> None:
    found = lint_symbols(tmp_path, CHECKPOINT.format(copy=copy))
    assert {symbol for _, symbol in found} - {"ms-tf-api"} == ({"ms-tf-checkpoint-layout"} if reported else set())


# Python 2 files (kentsommer/tensorflow-posenet is Python 2)


@pytest.mark.parametrize(
    ("source", "sign"),
    [
        ("import numpy as np\nprint 'Iteration:', i\n", "print statement, line 2"),
        ("try:\n    pass\nexcept IOError, e:\n    pass\n", "except X, e, line 3"),
        ("def f():\n\tif x:\n\t\treturn 1\n        return 2\n", "tabs and spaces mixed in indentation, line 4"),
        ("def f(:\n    pass\n", None),
    ],
)
def test_python2_sign(source: str, sign: str | None) -> None:
    from mslint.run.screening import python2_sign

    with pytest.raises(SyntaxError) as error:
        compile(source, "f.py", "exec")
    assert python2_sign(source, error.value) == sign


# mslint readiness on a TensorFlow 1.x project

TF_PROJECT = {
    "network.py": """\
        import tensorflow as tf


        def conv(x, k, name):
            with tf.variable_scope(name):
                w = tf.get_variable('weights', shape=[3, 3, 3, k])
                y = tf.nn.conv2d(x, w, [1, 1, 1, 1], padding='SAME')
                return tf.nn.relu(tf.concat([y, y], 3))


        images = tf.placeholder(tf.float32, [None, 224, 224, 3])
        labels = tf.fake_api(images)
    """,
    "train.py": """\
        import tensorflow as tf

        with tf.Session() as sess:
            print 'loss', sess.run(loss)
    """,
}


def test_readiness_counts_tensorflow_uses_by_mapping_status(tmp_path: Path) -> None:
    import json

    from mslint.cli import main

    for name, text in TF_PROJECT.items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    output = tmp_path / "report.json"
    assert main(["readiness", str(tmp_path), "--format", "json", "--output", str(output)]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["summary"]["tensorflow_by_mapping"] == {"renamed-args": 1, "diff": 3, "no-equivalent": 2, "unknown": 2}
    assert data["summary"]["by_status"]["no-equivalent"] == 2 and data["summary"]["by_status"]["unknown"] == 2
    files = {Path(row["path"]).name: row for row in data["files"]}
    assert files["network.py"]["framework"] == "tensorflow"
    assert files["train.py"]["error"] == "not scanned: Python 2 source (print statement, line 4): port it to Python 3 first"
    relu = next(use for use in data["uses"] if use["api"] == "tf.nn.relu")
    assert relu["status"] == "needs-manual-change" and "mindspore.nn.ReLU" in relu["what"]
