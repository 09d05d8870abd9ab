#!/usr/bin/env bash
# Stage "isolation on PostgreSQL" of scripts/test-all.sh (sourced by it):
# serves the production image staged by e2e_tests ($RESULTS_DIR/prod) on a
# throwaway PostgreSQL 15 with the demo data, and runs the isolation suite
# and the MCP round trip against it (the browser-test stage runs them on
# SQLite).

isolation_pg_tests() {
  local prod="$RESULTS_DIR/prod" start=$SECONDS
  local report="$RESULTS_DIR/playwright-isolation-pg.json"
  local log_file="$RESULTS_DIR/backend-pg.log"
  if [ ! -d "$prod/packages/backend" ]; then
    record "isolation on PostgreSQL: no staged production image" 0 1
    return
  fi
  start_throwaway_postgres
  local port
  port="$(free_port)"
  # The database from the environment (PG_URL is
  # postgresql://postgres:<password>@127.0.0.1:<port>).
  cat >"$RESULTS_DIR/app-config.isolation-pg.yaml" <<'YAML'
backend:
  database:
    client: pg
    connection:
      host: 127.0.0.1
      port: ${ISOLATION_PG_PORT}
      user: postgres
      password: ${ISOLATION_PG_PASSWORD}
YAML
  local password="${PG_URL#postgresql://postgres:}"
  password="${password%@*}"
  mkdir -p "$RESULTS_DIR/data-pg"
  (cd "$prod" && E2E_PORT="$port" AMUE_DATA_DIR="$RESULTS_DIR/data-pg" \
    ISOLATION_PG_PORT="$PG_PORT" ISOLATION_PG_PASSWORD="$password" \
    NODE_ENV=production exec node packages/backend \
    --config app-config.yaml --config app-config.e2e.yaml \
    --config "$RESULTS_DIR/app-config.isolation-pg.yaml") >"$log_file" 2>&1 &
  local pid=$! ready=""
  for _ in $(seq 1 120); do
    if curl -fsS "http://localhost:$port/.backstage/health/v1/readiness" >/dev/null 2>&1; then
      ready=1
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if [ -z "$ready" ]; then
    tail -n 50 "$log_file"
    record "isolation on PostgreSQL: portal served" 0 1
  else
    log "== isolation suite and MCP round trip on PostgreSQL"
    PLAYWRIGHT_URL="http://localhost:$port" \
      PLAYWRIGHT_JSON_OUTPUT_NAME="$report" \
      yarn playwright test packages/app/e2e-tests/isolationSurface.test.ts \
      packages/app/e2e-tests/mcp.test.ts --reporter=list,json
    if [ ! -s "$report" ]; then
      record "isolation on PostgreSQL: no report" 0 1
    else
      read -r p f < <(node scripts/test-report.js "$report")
      record "isolation on PostgreSQL ($((SECONDS - start)) s)" "$p" "$f"
    fi
  fi
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  stop_throwaway_postgres
}
