#!/usr/bin/env bash
# One command from a fresh clone to the demo: toolchains, npm packages, build, demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-toolchains.sh
npm ci
node bin/tinyforge.js demo sine
