"""An epoch-based torch scheduler (MultiStepLR milestones in epochs) ported as a per-step MindSpore lr list."""

import mindspore.nn as nn

FAMILY = "porting"
EXPECT = "differs"

STEPS_PER_EPOCH = 100


def bad():
    # torch: MultiStepLR(optimizer, milestones=[60, 80], gamma=0.1), stepped once per epoch
    lrs = nn.piecewise_constant_lr(milestone=[60, 80], learning_rates=[1.0, 0.1])
    return lrs[60]  # learning rate of the 61st iteration (still epoch 0)


def good():
    lrs = nn.piecewise_constant_lr(milestone=[60 * STEPS_PER_EPOCH, 80 * STEPS_PER_EPOCH], learning_rates=[1.0, 0.1])
    return lrs[60]
