#!/usr/bin/env bash
# The whole test line: system tools, types, lint, production build, then every jest project
# (unit, manifest, LibreOffice and browser end-to-end tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/support/ensure-tools.sh
npx tsc --noEmit
npm run lint --silent
npm run build --silent -- --stats errors-warnings
npx jest --ci "$@"
