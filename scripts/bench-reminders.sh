#!/usr/bin/env bash
# Timing of the onboarding reminder task at scale (docs/benchmarks.md,
# "Relances"):
#   bash scripts/bench-reminders.sh [sqlite|postgres|both] [--tenants N]
# Starts a throwaway PostgreSQL 15 when postgres is among the databases (the
# default is both), then runs packages/bench/src/reminders.ts.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
ensure_dependencies

bench_databases "$@"
cd "$REPO_ROOT/packages/bench"
node -r @backstage/cli/config/nodeTransform.cjs src/reminders.ts "$@"
