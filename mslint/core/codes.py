"""The code table: every rule's message id and symbol, written once, like Ruff's ``codes.rs``.

Ids and symbols are public API (disable comments, config files, SARIF baselines): never renumber or rename
a row. A renamed rule keeps its old (id, symbol) in ``old_names``, as pylint's ``old_names`` does; a new rule
takes the next free number of its family (72 porting, 73 graph mode, 74 Ascend and ops, 75 TensorFlow, 76
suppressions, 77 MindTorch, 78+ new families).
``tests/test_registry.py`` checks this table against the shipped snapshot ``tests/data/shipped_codes.json``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One row: the message id (category letter, family, number), the symbol and any former names."""

    msgid: str
    symbol: str
    old_names: tuple[tuple[str, str], ...] = ()


CODE_TABLE: tuple[Code, ...] = (
    # 72xx: porting
    Code("E7201", "ms-forward-not-construct"),
    Code("W7202", "ms-dead-forward-override"),
    Code("E7203", "ms-unsupported-inplace"),
    Code("E7204", "ms-tensor-size-call"),
    Code("E7205", "ms-tensor-view-unavailable"),
    Code("E7206", "ms-unknown-self-attribute"),
    Code("E7207", "ms-dropped-parameter"),
    Code("E7208", "ms-super-wrong-class"),
    Code("E7209", "ms-init-before-super"),
    Code("E7210", "ms-unexpected-argument"),
    Code("E7211", "ms-dropout-rate-as-keep-prob"),
    Code("I7212", "ms-dropout-keep-prob"),
    Code("W7213", "ms-batchnorm-momentum"),
    Code("E7214", "ms-padding-without-pad-mode"),
    Code("W7215", "ms-pool-stride-default"),
    Code("E7216", "ms-torch-name-on-mindspore"),
    Code("W7217", "ms-torch-api"),
    Code("E7218", "ms-train-eval-call"),
    Code("E7219", "ms-parameters-call"),
    Code("W7220", "ms-torch-training-step"),
    Code("I7221", "ms-default-differs"),
    Code("E7222", "ms-tensor-repeat-off-ascend"),
    Code("E7223", "ms-torch-device-method"),
    Code("E7224", "ms-torch-cell-method"),
    Code("E7225", "ms-torch-not-imported"),
    Code("E7226", "ms-argument-type"),
    Code("W7227", "ms-torch-backend-flag"),
    Code("W7228", "ms-dropout-keep-as-rate"),
    Code("E7229", "ms-construct-misspelt"),
    Code("W7230", "ms-cells-not-registered"),
    Code("W7231", "ms-parameter-not-forwarded"),
    Code("W7232", "ms-cell-requires-grad"),
    Code("W7233", "ms-parameter-overwritten"),
    Code("W7234", "ms-cell-built-in-construct"),
    Code("W7235", "ms-config-after-construction"),
    Code("E7236", "ms-unknown-mindspore-name"),
    Code("E7237", "ms-missing-argument"),
    Code("E7238", "ms-tensor-as-configuration"),
    Code("E7239", "ms-tensor-form-in-graph"),
    Code("W7240", "ms-same-padding-stride"),
    # 73xx: graph mode
    Code("E7301", "ms-graph-try-except"),
    Code("E7302", "ms-graph-generator"),
    Code("E7303", "ms-graph-del"),
    Code("E7304", "ms-graph-nonlocal"),
    Code("E7305", "ms-graph-class-in-graph"),
    Code("E7306", "ms-graph-import-in-graph"),
    Code("E7307", "ms-graph-match"),
    Code("E7308", "ms-graph-walrus"),
    Code("E7309", "ms-graph-set-literal"),
    Code("E7310", "ms-graph-set-comprehension"),
    Code("E7311", "ms-graph-multi-for-comprehension"),
    Code("E7312", "ms-graph-loop-else"),
    Code("E7313", "ms-graph-plain-context-manager"),
    Code("E7314", "ms-graph-lambda-shared-line"),
    Code("E7315", "ms-graph-classmethod-call"),
    Code("E7316", "ms-graph-iter-next"),
    Code("E7317", "ms-graph-nonconst-getattr"),
    Code("E7318", "ms-graph-tensor-dict-key"),
    Code("E7319", "ms-graph-branch-only-var"),
    Code("E7320", "ms-graph-branch-type-mismatch"),
    Code("E7321", "ms-graph-parameter-in-graph"),
    Code("E7322", "ms-graph-forbidden-cell-api"),
    Code("E7323", "ms-graph-param-set-data"),
    Code("E7324", "ms-graph-asnumpy"),
    Code("E7325", "ms-graph-numpy-on-tensor"),
    Code("E7326", "ms-graph-math-on-tensor"),
    Code("E7327", "ms-graph-builtin-on-tensor"),
    Code("E7328", "ms-graph-tensor-from-runtime-value"),
    Code("E7329", "ms-graph-str-method"),
    Code("E7330", "ms-graph-attr-assign"),
    Code("E7331", "ms-graph-dict-attr-subscript"),
    Code("W7332", "ms-graph-container-mutation-lost"),
    Code("W7333", "ms-graph-global-mutation-lost"),
    Code("W7334", "ms-graph-frozen-global"),
    Code("W7335", "ms-graph-frozen-attr"),
    Code("W7336", "ms-graph-python-random"),
    Code("W7337", "ms-graph-time-call"),
    Code("W7338", "ms-graph-logging"),
    Code("W7339", "ms-graph-cell-in-graph"),
    Code("W7340", "ms-graph-fstring-format"),
    Code("W7341", "ms-graph-fstring-tensor"),
    Code("W7342", "ms-graph-return-dict"),
    Code("W7343", "ms-graph-input-setitem"),
    Code("W7344", "ms-graph-input-augassign"),
    Code("W7345", "ms-graph-input-inplace-method"),
    Code("W7346", "ms-graph-tensor-raise"),
    Code("I7347", "ms-graph-value-dependent-range"),
    Code("I7348", "ms-graph-dynamic-shape-op"),
    Code("E7349", "ms-graph-subcell-arg-count"),
    Code("E7350", "ms-graph-cell-list-tensor-index"),
    Code("E7351", "ms-graph-branch-dtype-mismatch"),
    Code("E7352", "ms-graph-stack-mixed-dtype"),
    Code("W7353", "ms-graph-cat-mixed-dtype"),
    Code("E7354", "ms-graph-forbidden-function"),
    Code("E7355", "ms-graph-loop-only-var"),
    Code("E7356", "ms-graph-comment-indent"),
    Code("E7357", "ms-graph-jit-class-runtime-arg"),
    Code("E7358", "ms-graph-bprop-signature"),
    Code("E7359", "ms-graph-builtin-argument"),
    Code("E7360", "ms-graph-unsupported-builtin"),
    Code("E7361", "ms-graph-unsupported-raise"),
    Code("E7362", "ms-graph-container-method"),
    Code("E7363", "ms-graph-unsupported-operand"),
    Code("W7364", "ms-graph-operator-differs"),
    Code("E7365", "ms-graph-unsupported-syntax"),
    Code("W7366", "ms-graph-syntax-differs"),
    Code("E7367", "ms-graph-jit-lambda"),
    Code("E7368", "ms-graph-default-from-local"),
    Code("E7369", "ms-graph-unsupported-attribute"),
    Code("E7370", "ms-graph-set-train"),
    Code("E7371", "ms-graph-loop-growing-tensor"),
    # 74xx: Ascend and ops
    Code("E7401", "ms-op-no-kernel-on-target"),
    Code("E7402", "ms-ascend-unsupported-dtype"),
    Code("I7403", "ms-ascend-index-unchecked"),
    Code("I7404", "ms-ascend-maxpool-argmax-rewrite"),
    Code("W7405", "ms-ascend-maxpool-indices-dtype"),
    Code("W7406", "ms-ascend-dynamic-shape-in-graph"),
    Code("W7407", "ms-ascend-random-seed-ignored"),
    Code("E7408", "ms-ascend-op-constraint"),
    Code("W7409", "ms-ascend-topk-unsorted"),
    Code("W7410", "ms-op-deprecated"),
    Code("I7411", "ms-op-change-announced"),
    Code("W7412", "ms-ascend-complex-dtype"),
    Code("I7413", "ms-ascend-compare-without-deterministic"),
    Code("I7414", "ms-ascend-precision-mode-default"),
    # 75xx: TensorFlow 1.x leftovers
    Code("E7501", "ms-tf-nhwc-data-format"),
    Code("E7502", "ms-tf-four-element-window"),
    Code("E7503", "ms-tf-padding-string"),
    Code("E7504", "ms-tf-pad-mode-case"),
    Code("E7505", "ms-tf-tensor-method"),
    Code("W7506", "ms-tf-channel-axis"),
    Code("W7507", "ms-tf-loss-argument-order"),
    Code("W7508", "ms-tf-api"),
    Code("W7509", "ms-tf-checkpoint-layout"),
    # 76xx: suppressions
    Code("W7601", "ms-unused-noqa"),
    # 77xx: code run through a torch layer (MindTorch / MSAdapter)
    Code("E7701", "ms-mindtorch-unsupported-api"),
    Code("I7702", "ms-mindtorch-beta-api"),
    Code("E7703", "ms-mindtorch-unsupported-argument"),
    Code("W7704", "ms-mindtorch-default-differs"),
    Code("E7705", "ms-mindtorch-constraint"),
    Code("W7706", "ms-mindtorch-mixing"),
)

CODES: dict[str, Code] = {code.symbol: code for code in CODE_TABLE}


def find_code(key: str) -> Code | None:
    """The row of a symbol or message id, current or former."""
    for code in CODES.values():
        if key in (code.symbol, code.msgid) or any(key in old for old in code.old_names):
            return code
    return None
