#!/usr/bin/env bash
# Install everything the tests need (MindSpore 2.10 CPU, PyTorch 2.13 CPU, npm tools) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export GLOG_v=3 PIP_DISABLE_PIP_VERSION_CHECK=1
extras="test,mindspore,server"
if python -c 'import sys; sys.exit(sys.version_info < (3, 13))'; then
  extras="test,server"  # MindSpore 2.10 has no wheel for Python 3.13+: its tests skip there (tests/helpers.py)
fi
python -m pip install --quiet --root-user-action=ignore -e ".[$extras]" "torch==2.13.0"
npm ci --prefix tools --no-audit --no-fund   # test tools: the SARIF Multitool (tools/package-lock.json)
# headless Chromium renders the readiness HTML report in tests/test_readiness.py
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  as_root=$([ "$(id -u)" = 0 ] || echo sudo)  # a GitHub runner is not root
  $as_root apt-get -qq update && DEBIAN_FRONTEND=noninteractive $as_root apt-get -qq install -y chromium >/dev/null
fi
python -m pytest -q -p no:cacheprovider "$@"
