"""Build hook: the rule pages (``docs/rules/*.md``) go into the package as ``mslint/rule_pages``, so that every
installed copy links a finding to its rule's page (``mslint.engine.rule.pages_folder``). The rest of the build
is configured in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RULE_PAGES = Path(__file__).resolve().parent / "docs" / "rules"


class BuildWithRulePages(build_py):
    """``build_py``, then the rule pages copied next to the package's modules (an editable install reads them
    from the checkout)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        pages = sorted(RULE_PAGES.glob("ms-*.md"))
        if not pages:
            raise RuntimeError(f"no rule pages in {RULE_PAGES}: build from a checkout or an sdist that has docs/rules")
        target = Path(self.build_lib) / "mslint" / "rule_pages"
        target.mkdir(parents=True, exist_ok=True)
        for page in pages:
            shutil.copyfile(page, target / page.name)


setup(cmdclass={"build_py": BuildWithRulePages})
