#!/usr/bin/env bash
# The replica stage of `npm test`, sourced by scripts/test-all.sh and run
# after e2e_tests: the staged production build ($RESULTS_DIR/prod) started
# twice on one throwaway PostgreSQL, behind Debian's HAProxy on loopback
# (scripts/replicas/run.js does the work and writes a JSON report; each of
# its checks counts as one test). See docs/testing.md, "Replica stage".
# shellcheck shell=bash

replica_tests() {
  local start=$SECONDS prod="$RESULTS_DIR/prod" work="$RESULTS_DIR/replicas"
  local report="$work/report.json"
  log "== replicas: two backends on one PostgreSQL behind HAProxy"
  if [ ! -f "$prod/packages/backend/package.json" ] || [ ! -d "$prod/techdocs" ]; then
    record "replica stage: no staged production image" 0 1
    return
  fi
  mkdir -p "$work"
  start_throwaway_postgres
  HAPROXY="$(command -v haproxy || echo /usr/sbin/haproxy)" \
    PROD_DIR="$prod" WORK_DIR="$work" PG_URL="$PG_URL" \
    PG_BIN="$PG_BIN" PG_DIR="$PG_DIR" PG_PORT="$PG_PORT" \
    node scripts/replicas/run.js "$report" 2>&1 | tee "$work/stage.log"
  stop_throwaway_postgres
  if [ ! -s "$report" ]; then
    record "replica stage: no report" 0 1
    return
  fi
  local name ok
  while IFS=$'\t' read -r ok name; do
    if [ "$ok" = true ]; then record "replicas: $name" 1 0; else record "replicas: $name" 0 1; fi
  done < <(node -e 'for (const c of require(process.argv[1]).checks) console.log(c.ok + "\t" + c.name)' "$report")
  log "replica stage: $((SECONDS - start)) s; figures in $report"
  node -e 'console.log(JSON.stringify(require(process.argv[1]).figures, null, 1))' "$report"
}
