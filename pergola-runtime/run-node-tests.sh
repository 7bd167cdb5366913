#!/bin/sh
# Runs the runtime's unit tests with node's own test runner (no npm packages). Maven calls this
# in the `test` phase. Without `node` on the PATH the tests are skipped with a reason, except on
# CI (CI=true), where a missing node must fail the build rather than hide untested code.
set -eu
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "[pergola-runtime] node is not on the PATH and CI=true: install Node.js 20 or newer." >&2
    exit 1
  fi
  echo "[pergola-runtime] SKIPPED the runtime's unit tests: node is not on the PATH" \
    "(install Node.js 20 or newer to run them; CI=true makes this an error)."
  exit 0
fi
# Listed explicitly: node 20 treats every .js file under a directory argument as a test file.
exec node --test --test-reporter=spec $(find test -name "*.test.js" | sort)
