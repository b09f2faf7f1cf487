"""Curated table: PyTorch-ecosystem packages and what MindSpore offers in their place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Counterpart:
    """What MindSpore offers for a third-party module: ``none``, ``partial`` (a different API) or ``available``."""

    module: str
    status: str
    counterpart: str | None
    note: str
    source: str


MINDCV = "https://github.com/mindspore-lab/mindcv"
MINDNLP = "https://github.com/mindspore-lab/mindnlp"
MS_DATASET = "https://www.mindspore.cn/docs/en/r2.10.0/api_python/mindspore.dataset.html"
MS_VISION = "https://www.mindspore.cn/docs/en/r2.10.0/api_python/mindspore.dataset.transforms.html"

# Longest matching prefix wins; keep entries specific to what a port has to replace.
TABLE = (
    Counterpart("torchvision.ops", "none", None,
                "no torchvision.ops package: a few primitives exist (ops.ROIAlign, ops.NMSWithMask, "
                "ops.deformable_conv2d) with other signatures; FrozenBatchNorm2d, StochasticDepth, "
                "Conv2dNormActivation, SqueezeExcitation, MLP have to be re-implemented",
                "https://www.mindspore.cn/docs/en/r2.10.0/api_python/mindspore.ops.primitive.html"),
    Counterpart("torchvision.models", "partial", "mindcv.models",
                "MindCV has most classic architectures with its own constructors and checkpoints", MINDCV),
    Counterpart("torchvision.transforms", "partial", "mindspore.dataset.vision",
                "similar operations, different classes and arguments; preset weight transforms are absent", MS_VISION),
    Counterpart("torchvision.datasets", "partial", "mindspore.dataset",
                "ImageFolderDataset, Cifar10Dataset, MnistDataset, ... with MindSpore's pipeline API", MS_DATASET),
    Counterpart("torchvision.io", "partial", "mindspore.dataset.vision",
                "read_image / decode exist in mindspore.dataset.vision; video I/O does not", MS_VISION),
    Counterpart("torchvision", "none", None, "torchvision internals (utils, _utils, weight registries) have no counterpart",
                "https://github.com/pytorch/vision"),
    Counterpart("timm", "partial", "mindcv", "MindCV covers many timm models and layers under other names", MINDCV),
    Counterpart("torchaudio", "partial", "mindspore.dataset.audio", "audio transforms only; no models or I/O backends",
                "https://www.mindspore.cn/docs/en/r2.10.0/api_python/mindspore.dataset.audio.html"),
    Counterpart("transformers", "partial", "mindnlp.transformers", "MindNLP re-implements much of the transformers API", MINDNLP),
    Counterpart("einops", "none", None, "einops has no MindSpore backend: rewrite rearrange/repeat with reshape/transpose",
                "https://github.com/arogozhnikov/einops/blob/main/einops/_backends.py"),
    Counterpart("torchmetrics", "partial", "mindspore.train", "a few metrics (Accuracy, Precision, ...) as mindspore.train.Metric",
                "https://www.mindspore.cn/docs/en/r2.10.0/api_python/mindspore.train.html"),
    Counterpart("pytorch_lightning", "none", None, "no Lightning port: use mindspore.train.Model or a custom loop",
                "https://www.mindspore.cn/docs/en/r2.10.0/api_python/train/mindspore.train.Model.html"),
    Counterpart("lightning", "none", None, "no Lightning port: use mindspore.train.Model or a custom loop",
                "https://www.mindspore.cn/docs/en/r2.10.0/api_python/train/mindspore.train.Model.html"),
    Counterpart("torch_geometric", "partial", "mindspore_gl", "MindSpore Graph Learning has its own graph API",
                "https://gitee.com/mindspore/graphlearning"),
    Counterpart("apex", "partial", "mindspore.amp", "mixed precision through mindspore.amp; no fused CUDA kernels",
                "https://www.mindspore.cn/docs/en/r2.10.0/api_python/mindspore.amp.html"),
    Counterpart("mmcv", "none", None, "OpenMMLab's CUDA ops and runners are PyTorch-only", "https://github.com/open-mmlab/mmcv"),
    Counterpart("mmdet", "none", None, "OpenMMLab detection is PyTorch-only", "https://github.com/open-mmlab/mmdetection"),
    Counterpart("detectron2", "none", None, "PyTorch-only detection library", "https://github.com/facebookresearch/detectron2"),
    Counterpart("fvcore", "none", None, "PyTorch-only utilities (FLOP counting, checkpointing)", "https://github.com/facebookresearch/fvcore"),
    Counterpart("torch_scatter", "none", None, "CUDA extension for PyTorch; use ops.unsorted_segment_sum and friends",
                "https://github.com/rusty1s/pytorch_scatter"),
    Counterpart("deepspeed", "none", None, "use MindSpore's parallel and recompute features instead",
                "https://www.mindspore.cn/docs/en/r2.10.0/api_python/mindspore.parallel.html"),
)


def counterpart(module: str) -> Counterpart | None:
    """The table entry for an imported module (longest prefix), None when it is not a PyTorch-ecosystem package."""
    best = None
    for entry in TABLE:
        if (module == entry.module or module.startswith(entry.module + ".")) and (best is None or len(entry.module) > len(best.module)):
            best = entry
    return best
