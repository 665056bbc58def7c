#!/usr/bin/env bash
# One command from a fresh clone to the demo: toolchains, npm packages, build, then the sine
# model on the host and as firmware on an emulated Cortex-M4 (QEMU mps2-an386).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-toolchains.sh
npm ci
node bin/tinyforge.js inspect examples/sine/sine_int8.tflite
node bin/tinyforge.js demo sine --quiet
node bin/tinyforge.js demo sine --platform qemu --board mps2-an386
