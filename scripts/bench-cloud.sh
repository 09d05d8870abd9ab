#!/usr/bin/env bash
# Speed benchmark of the onboarding service (docs/benchmarks.md, section
# "Service d'accompagnement (API cloud)"):
#   bash scripts/bench-cloud.sh [sqlite|postgres|both] [--tenants N] [--duration S] [...]
# Starts a throwaway PostgreSQL 15 when postgres is among the databases (the
# default is both), then runs packages/bench/src/run.ts, which
# starts and stops the portal's backend itself. Options are those of run.ts
# (see the comment at its top). Exits non-zero when the benchmark fails.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
ensure_dependencies

bench_databases "$@"
cd "$REPO_ROOT/packages/bench"
node -r @backstage/cli/config/nodeTransform.cjs src/run.ts "$@"
