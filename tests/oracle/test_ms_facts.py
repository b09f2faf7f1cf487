"""MindSpore 2.10 behaviours the porting rules rely on (one fact per test; see docs/kb.md)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from helpers import require

ms = require("mindspore")
torch = require("torch")
np = require("numpy")  # comes with MindSpore: required after it (a clear skip or CI failure, not an import error)
nn, ops, Tensor = ms.nn, ms.ops, ms.Tensor


@pytest.fixture(autouse=True, scope="module")
def _pynative() -> None:
    ms.set_context(mode=ms.PYNATIVE_MODE)


@pytest.fixture
def x() -> Tensor:
    return Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))


def test_installed_version() -> None:
    assert ms.__version__ == "2.10.0"


def test_relu_inplace_raises() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'inplace'"):
        nn.ReLU(inplace=True)


def test_tensor_size_is_int_property(x: Tensor) -> None:
    assert x.size == 12
    with pytest.raises(TypeError, match="'int' object is not callable"):
        x.size(0)


def test_dropout_positional_is_keep_prob() -> None:
    drop = nn.Dropout(0.2)
    drop.set_train()
    zeros = float((drop(Tensor(np.ones((200, 200), np.float32))).asnumpy() == 0).mean())
    assert 0.75 < zeros < 0.85  # keeps 20%, torch Dropout(0.2) would zero 20%


def test_dropout_p_keyword_matches_torch() -> None:
    drop = nn.Dropout(p=0.2)
    drop.set_train()
    zeros = float((drop(Tensor(np.ones((200, 200), np.float32))).asnumpy() == 0).mean())
    assert 0.15 < zeros < 0.25


def test_dropout_zero_positional_raises() -> None:
    with pytest.raises(ValueError, match="'keep_prob' must be a number in range \\(0, 1\\], but got 0.0"):
        nn.Dropout(0.0)


def test_cell_starts_in_inference_mode() -> None:
    assert nn.Dense(2, 2).training is False
    assert torch.nn.Linear(2, 2).training is True


def test_batchnorm_momentum_is_one_minus_torch() -> None:
    data = np.random.default_rng(0).uniform(0, 1, (4, 3, 2, 2)).astype(np.float32)
    tbn = torch.nn.BatchNorm2d(3)  # momentum 0.1
    tbn(torch.from_numpy(data))
    mbn = nn.BatchNorm2d(3)  # momentum 0.9
    mbn.set_train()
    mbn(Tensor(data))
    np.testing.assert_allclose(mbn.moving_mean.asnumpy(), tbn.running_mean.numpy(), atol=1e-6)


def test_conv2d_padding_needs_pad_mode() -> None:
    with pytest.raises(ValueError, match="'pad' must be zero when 'pad_mode' is not 'pad'"):
        nn.Conv2d(3, 8, 3, padding=1)


def test_conv2d_defaults_same_and_no_bias() -> None:
    conv = nn.Conv2d(3, 8, 3)
    assert conv(Tensor(np.ones((1, 3, 8, 8), np.float32))).shape == (1, 8, 8, 8)
    assert conv.has_bias is False


def test_adam_lr_keyword_raises() -> None:
    params = nn.Dense(4, 2).trainable_params()
    with pytest.raises(KeyError, match="invalid keys are passed as kwargs"):
        nn.Adam(params, lr=0.1)


def test_ops_cat_rejects_dim(x: Tensor) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'dim'"):
        ops.cat((x, x), dim=1)


def test_ops_transpose_takes_permutation(x: Tensor) -> None:
    assert ops.transpose(x, (1, 0)).shape == (4, 3)
    with pytest.raises(TypeError, match="takes 2 positional arguments but 3 were given"):
        ops.transpose(x, 0, 1)


def test_tensor_transpose_swaps_two_dims() -> None:
    y = Tensor(np.zeros((2, 3, 4), np.float32))
    assert y.transpose(0, 2).shape == (4, 3, 2)


def test_tensor_repeat_unsupported_on_cpu() -> None:
    # Run in a child process: MindSpore reports kernel errors asynchronously and could poison later ops.
    code = textwrap.dedent(
        """
        import numpy as np, mindspore as ms
        try:
            ms.Tensor(np.ones((2, 3), np.float32)).repeat(2, 2).asnumpy()
        except RuntimeError as exc:
            print(str(exc).splitlines()[0])
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert "'repeat' is not supported on this device." in out


def test_tensor_sum_positional_keepdim(x: Tensor) -> None:
    assert x.sum(1, True).shape == (3, 1)


def test_tensor_view(x: Tensor) -> None:
    assert x.view(2, 6).shape == (2, 6)
    assert x.view((4, 3)).shape == (4, 3)


@pytest.mark.parametrize(
    ("owner", "name"),
    [("Cell", "parameters"), ("Cell", "train"), ("Cell", "eval"), ("Cell", "named_parameters"), ("Cell", "children"),
     ("Optimizer", "step"), ("Optimizer", "zero_grad"),
     ("Tensor", "backward"), ("Tensor", "detach"), ("Tensor", "cuda"), ("Tensor", "cpu")],
)
def test_torch_names_missing(owner: str, name: str) -> None:
    cls = {"Cell": nn.Cell, "Optimizer": nn.Optimizer, "Tensor": Tensor}[owner]
    assert not hasattr(cls, name)


@pytest.mark.parametrize(
    ("owner", "name"),
    [("Cell", "state_dict"), ("Cell", "load_state_dict"), ("Cell", "to"), ("Cell", "apply"), ("Cell", "register_buffer"),
     ("Tensor", "to"), ("Tensor", "numpy"), ("Tensor", "view"), ("Tensor", "contiguous"), ("Tensor", "expand")],
)
def test_torch_names_present(owner: str, name: str) -> None:
    assert hasattr({"Cell": nn.Cell, "Tensor": Tensor}[owner], name)
    assert hasattr(ms.nn, "Linear")


def test_leaky_relu_default_alpha() -> None:
    assert nn.LeakyReLU().alpha == pytest.approx(0.2)


def test_gelu_default_is_tanh_approximation() -> None:
    data = np.linspace(-3, 3, 13).astype(np.float32)
    exact = torch.nn.GELU()(torch.from_numpy(data)).numpy()
    assert np.abs(nn.GELU()(Tensor(data)).asnumpy() - exact).max() > 1e-4
    np.testing.assert_allclose(nn.GELU(approximate=False)(Tensor(data)).asnumpy(), exact, atol=1e-5)


def test_layernorm_int_shape_and_epsilon() -> None:
    with pytest.raises(TypeError, match="'normalized_shape' must be tuple\\[int\\] or list\\[int\\]"):
        nn.LayerNorm(8)
    assert nn.LayerNorm((8,)).epsilon == pytest.approx(1e-7)


def test_maxpool_default_stride_one() -> None:
    assert nn.MaxPool2d(2)(Tensor(np.ones((1, 1, 8, 8), np.float32))).shape == (1, 1, 7, 7)


def test_ops_std_is_biased() -> None:
    data = np.array([1.0, 2.0, 3.0, 4.0], np.float32)
    assert float(ops.std(Tensor(data))) == pytest.approx(float(np.std(data)), rel=1e-6)
    assert float(torch.std(torch.from_numpy(data))) == pytest.approx(float(np.std(data, ddof=1)), rel=1e-6)


def test_ops_max_without_axis_returns_tuple(x: Tensor) -> None:
    assert isinstance(ops.max(x), tuple)


def test_softmax_default_last_axis() -> None:
    data = np.random.default_rng(0).uniform(size=(2, 3, 4)).astype(np.float32)
    np.testing.assert_allclose(nn.Softmax()(Tensor(data)).asnumpy(), torch.softmax(torch.from_numpy(data), -1).numpy(), atol=1e-6)


def _mapping() -> dict:
    from mslint.knowledge.mappings import load_torch_mapping

    return load_torch_mapping()


def test_torch_dtypes_map_to_the_same_mindspore_dtype() -> None:
    dtypes = {name: e for name, e in _mapping().items() if isinstance(getattr(torch, name[len("torch."):], None), torch.dtype)}
    assert len(dtypes) >= 20
    for name, entry in dtypes.items():
        ms_dtype = getattr(ms, entry.ms[len("mindspore."):])
        assert str(getattr(torch, name[len("torch."):])).split(".")[1] == str(ms_dtype).lower(), name


def test_curated_targets_outside_the_signature_table_exist() -> None:
    import importlib

    for entry in _mapping().values():
        if entry.ms and entry.ms.startswith("mindspore.common.initializer."):
            module, _, attribute = entry.ms.rpartition(".")
            assert hasattr(importlib.import_module(module), attribute), entry.ms


def test_ops_std_var_default_to_population() -> None:
    data = np.arange(6, dtype=np.float32)
    assert float(ops.std(Tensor(data)).asnumpy()) == pytest.approx(float(np.std(data)))
    assert float(torch.std(torch.tensor(data))) == pytest.approx(float(np.std(data, ddof=1)))
    assert float(ops.var(Tensor(data), ddof=1).asnumpy()) == pytest.approx(float(torch.var(torch.tensor(data))))


def test_embedding_default_init_is_small() -> None:
    assert nn.Embedding(1000, 8).embedding_table.asnumpy().std() < 0.02
    assert torch.nn.Embedding(1000, 8).weight.detach().numpy().std() > 0.9


def test_tensor_device_methods() -> None:
    x = Tensor(np.ones((2, 2), np.float32))
    for method in ("cuda", "cpu", "detach"):
        assert not hasattr(x, method) and not hasattr(nn.Dense(2, 2), method)
    assert x.to("cpu").shape == (2, 2)
    with pytest.raises(ValueError, match="cuda"):
        x.to("cuda")


def test_tensor_repeat_has_no_cpu_kernel_tile_matches_torch() -> None:
    data = np.arange(6, dtype=np.float32).reshape(2, 3)
    with pytest.raises(RuntimeError, match="not supported on this device"):
        Tensor(data).repeat(2, 2)
    for reps in ((2, 2), (1, 3), (2, 1, 1)):
        assert (Tensor(data).tile(reps).asnumpy() == torch.tensor(data).repeat(*reps).numpy()).all()


def test_arange_ops_matches_torch_mint_has_no_cpu_kernel() -> None:
    """``torch.arange`` -> ``ops.arange`` (values and dtype); the ``mint.arange`` of MindSpore's mapping table
    raises on CPU."""
    calls = [((5,), {}), ((2, 9), {}), ((2, 9, 3), {}), ((0.0, 1.0, 0.25), {}), ((), {"start": 1, "end": 4}),
             ((), {"end": 3}), ((1, 4), {"step": 2})]
    for args, kwargs in calls:
        ours, theirs = ops.arange(*args, **kwargs).asnumpy(), torch.arange(*args, **kwargs).numpy()
        assert ours.dtype == theirs.dtype and (ours == theirs).all(), (args, kwargs)
    floats = ops.arange(3, dtype=ms.float32).asnumpy()
    assert floats.dtype == np.float32 and (floats == torch.arange(3, dtype=torch.float32).numpy()).all()
    with pytest.raises(RuntimeError, match="kernel Arange unregistered"):
        ms.mint.arange(5).asnumpy()


def test_add_module_on_a_sequential_cell_is_append_not_insert_child_to_cell(x: Tensor) -> None:
    """``ms-torch-cell-method``: a child inserted into a SequentialCell is registered but never run; ``append``
    runs it, as PyTorch's ``Sequential.add_module`` does."""
    inserted = nn.SequentialCell()
    inserted.insert_child_to_cell("dense", nn.Dense(4, 2))
    appended = nn.SequentialCell()
    appended.append(nn.Dense(4, 2))
    assert inserted(x).shape == (3, 4) and appended(x).shape == (3, 2)


def test_tensor_has_no_detach_the_device_chain_advice_is_stop_gradient(x: Tensor) -> None:
    """``ms-torch-device-method``: ``x.detach().cpu()`` is advised as ``ops.stop_gradient(x)``, not ``x.detach()``."""
    assert not hasattr(x, "detach") and not hasattr(x, "cpu")
    assert (ops.stop_gradient(x).asnumpy() == x.asnumpy()).all()


def test_a_primitive_renamed_dim_to_axis_still_rejects_the_tensor(x: Tensor) -> None:
    """``ms-unexpected-argument``: ``ops.Squeeze(x, axis=0)`` still raises (the Primitive takes its axis when built);
    ``ops.Squeeze(axis=0)(x)`` runs."""
    with pytest.raises(TypeError):
        ops.Squeeze(x, axis=0)
    with pytest.raises(TypeError):
        ops.Concat((x, x), axis=1)
    assert ops.Squeeze(axis=0)(x[0:1]).shape == (4,) and ops.Concat(axis=1)((x, x)).shape == (3, 8)


def test_the_size_primitive_held_by_a_cell_is_called(x: Tensor) -> None:
    """``ms-tensor-size-call``: ``self.size = P.Size()`` then ``self.size(x)`` is the element count, working code."""

    class Net(nn.Cell):
        def __init__(self) -> None:
            super().__init__()
            self.size = ops.Size()

        def construct(self, t: Tensor) -> int:
            return self.size(t)

    assert Net()(x) == 12


def test_view_rewritten_as_reshape_gives_the_same_tensor(x: Tensor) -> None:
    """``ms-tensor-view-unavailable``'s safe fix (its card cannot run on 1.x): ``x.reshape(...)`` gives what
    ``x.view(...)`` gives, for the argument forms the fix rewrites."""
    for shape in ((4, 3), (-1,), ((2, 6),), (2, -1)):
        viewed, reshaped = x.view(*shape), x.reshape(*shape)
        assert viewed.shape == reshaped.shape and (viewed.asnumpy() == reshaped.asnumpy()).all(), shape


def test_tensor_methods_documented_with_star_arguments_take_them_by_keyword(x: Tensor) -> None:
    """`Tensor.squeeze(*axis)`, `Tensor.reshape(*shape)`: the C++ methods accept the name as a keyword too."""
    column = x.reshape(shape=(12, 1))
    assert column.shape == (12, 1)
    assert column.squeeze(axis=1).shape == (12,)
