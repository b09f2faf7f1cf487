"""``torch.backends`` flags written in MindSpore code: PyTorch's switches for cuDNN and CUDA matmul."""

from __future__ import annotations

from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.core.edits import Applicability, Fix
from mslint.engine.context import ModuleContext
from mslint.engine.rule import MS_API_DOCS, Rule

FLAG_PREFIXES = ("torch.backends.cudnn.", "torch.backends.cuda.matmul.")
# What a flag set to a value becomes in MindSpore: (function, its arguments); a flag not listed is deleted.
MINDSPORE_SWITCHES = {("torch.backends.cudnn.deterministic", True): ("mindspore.set_context", "deterministic='ON'")}


def _dotted(target: nodes.AssignAttr) -> tuple[str, nodes.NodeNG] | None:
    """``torch.backends.cudnn.benchmark`` and its ``torch.backends.cudnn`` part, through an import of torch or a
    ``torch`` bound nowhere (its import was removed during the port)."""
    receiver = target.expr
    resolved = names.qualified_name(receiver)
    if resolved is None:
        parts, node = [], receiver
        while isinstance(node, nodes.Attribute):
            parts.append(node.attrname)
            node = node.expr
        if not (isinstance(node, nodes.Name) and node.name == "torch" and ast_queries.is_unbound(node)):
            return None
        resolved = ".".join(["torch", *reversed(parts)])
    dotted = f"{resolved}.{target.attrname}"
    return (dotted, receiver) if dotted.startswith(FLAG_PREFIXES) else None


def check_backend_flag(ctx: ModuleContext, target: nodes.AssignAttr) -> None:
    statement = target.parent
    found = _dotted(target) if ctx.framework in ("mindspore", "mixed") and isinstance(statement, nodes.Assign) else None
    if found is None or len(statement.targets) != 1:
        return
    dotted, receiver = found
    ctx.claim(receiver, TORCH_BACKEND_FLAG)  # not also a leftover torch name: this rule says what to do with it
    value = statement.value.value if isinstance(statement.value, nodes.Const) else None
    switch = MINDSPORE_SWITCHES.get((dotted, value))
    spelled = names.spelling(ctx.module, switch[0]) if switch else None
    if switch is None:
        advice = "MindSpore has no such switch: delete it"
        fix = Fix("Delete the statement", (ctx.edit.delete_statement(statement),))
    elif spelled is None:
        advice, fix = f"use {switch[0]}({switch[1]})", None
    else:
        advice = f"use {spelled}({switch[1]})"
        fix = Fix(f"Use {spelled}({switch[1]})", (ctx.edit.replace(statement, f"{spelled}({switch[1]})"),))
    ctx.report(TORCH_BACKEND_FLAG, statement, (dotted, advice), fix)


TORCH_BACKEND_FLAG = Rule(
    symbol="ms-torch-backend-flag",
    node=nodes.AssignAttr,
    check=check_backend_flag,
    message="%s is a PyTorch backend flag, which does nothing in MindSpore (NameError without torch): %s",
    summary="torch.backends.cudnn.* / torch.backends.cuda.matmul.* flags set in MindSpore code.",
    what=(
        "Checks assignments to `torch.backends.cudnn.<flag>` and `torch.backends.cuda.matmul.<flag>` in files that "
        "import mindspore, through an import of torch or a `torch` bound nowhere (the import was removed during "
        "the port). Flag by flag: `cudnn.deterministic = True` becomes `mindspore.set_context(deterministic='ON')`; "
        "`benchmark`, `enabled`, `allow_tf32` and the matmul precision flags have no MindSpore switch."
    ),
    why=(
        "Without `import torch` the line raises `NameError: name 'torch' is not defined`; with it, the flag "
        "configures PyTorch, not MindSpore: a port that relied on `cudnn.deterministic` for reproducible results "
        "silently loses it."
    ),
    fix=Applicability.SAFE,
    fix_safety=(
        "Deletes the statement (it has no effect on MindSpore), or replaces `cudnn.deterministic = True` by "
        "`mindspore.set_context(deterministic='ON')` when the module imports mindspore; the line raised NameError before."
    ),
    oracle_detail="NameError",
    references=(f"{MS_API_DOCS}/mindspore/mindspore.set_context.html",),
)
