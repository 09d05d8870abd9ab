#!/usr/bin/env bash
# Bundle-size measurement of the frontend (docs/benchmarks.md, section
# "Poids du frontend"): builds packages/app (production build, with its
# source maps, into packages/app/dist), then runs scripts/bench-bundle.js on
# it. Options are passed to bench-bundle.js
# (--json FILE). BENCH_BUNDLE_SKIP_BUILD=1 measures the existing
# packages/app/dist instead of building.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
ensure_dependencies

if [ "${BENCH_BUNDLE_SKIP_BUILD:-0}" != 1 ]; then
  log "building packages/app (yarn workspace app build)"
  (cd "$REPO_ROOT" && yarn workspace app build >/dev/null)
fi
node "$REPO_ROOT/scripts/bench-bundle.js" "$REPO_ROOT/packages/app/dist" "$@"
