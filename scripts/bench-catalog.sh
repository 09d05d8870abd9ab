#!/usr/bin/env bash
# Catalog ingestion benchmark (docs/benchmarks.md): starts a throwaway
# PostgreSQL 15 when postgres is among BENCH_DATABASES, then runs
# packages/bench/src/catalog/run.ts.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
ensure_dependencies
if [[ "${BENCH_DATABASES:-sqlite,postgres}" == *postgres* ]]; then
  start_throwaway_postgres
  trap stop_throwaway_postgres EXIT
  export BENCH_PG_URL="$PG_URL"
fi
cd "$REPO_ROOT/packages/bench"
node -r @backstage/cli/config/nodeTransform.cjs src/catalog/run.ts
