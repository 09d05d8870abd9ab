#!/usr/bin/env bash
# Timing of the onboarding reminder task at scale (docs/benchmarks.md,
# "Relances"):
#   bash scripts/bench-reminders.sh [sqlite|postgres|both] [--tenants N]
# Starts a throwaway PostgreSQL 15 when postgres is among the databases (the
# default is both), then runs plugins/cloud-backend/bench/reminders.ts.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
ensure_dependencies

databases=both
for arg in "$@"; do
  case "$arg" in
    sqlite | postgres | both) databases="$arg" ;;
  esac
done
if [ "$databases" != sqlite ]; then
  start_throwaway_postgres
  trap stop_throwaway_postgres EXIT
  export BENCH_PG_URL="$PG_URL"
fi
cd "$REPO_ROOT/plugins/cloud-backend"
node -r @backstage/cli/config/nodeTransform.cjs bench/reminders.ts "$@"
