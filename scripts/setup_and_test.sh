#!/usr/bin/env bash
# Install everything the tests need (MindSpore 2.10 CPU, PyTorch 2.13 CPU, npm tools) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export GLOG_v=3 PIP_DISABLE_PIP_VERSION_CHECK=1
python -m pip install --quiet --root-user-action=ignore -e ".[test,mindspore,server]" "torch==2.13.0"
npm ci --prefix tools --no-audit --no-fund   # test tools: the SARIF Multitool (tools/package-lock.json)
# headless Chromium renders the readiness HTML report in tests/test_readiness.py
if ! command -v chromium >/dev/null; then apt-get -qq update && DEBIAN_FRONTEND=noninteractive apt-get -qq install -y chromium >/dev/null; fi
python -m pytest -q -p no:cacheprovider "$@"
