# shellcheck shell=bash
# Stage of scripts/test-all.sh (sourced after e2e_tests): search answers
# within a minute of a restart of the embedded default. The Lunr index lives
# in the memory of the process, so every start must rebuild it (issue 15:
# after a restart, search answered 500 "Missing index" for up to ten
# minutes). Restarts the staged image ($RESULTS_DIR/prod) on the data folder
# the browser tests left ($AMUE_DATA_DIR), where the scheduler remembers the
# collators' earlier runs.

# search_answers <base-url> <seconds>: a catalog search for "sifac" answers
# with results within <seconds>.
search_answers() {
  local url="$1" limit="$2" start=$SECONDS token body
  token="$(curl -fsS -H 'x-amue-dev-user: marc.petit' \
    -H 'x-requested-with: XMLHttpRequest' "$url/api/auth/dev/refresh" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).backstageIdentity.token))')" ||
    return 1
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    body="$(curl -sS -H "Authorization: Bearer $token" \
      "$url/api/search/query?term=sifac&types%5B0%5D=software-catalog")"
    if node -e 'process.exit(JSON.parse(process.argv[1]).results?.length > 0 ? 0 : 1)' "$body" 2>/dev/null; then
      log "search answered $((SECONDS - start)) s after readiness"
      return 0
    fi
    sleep 2
  done
  log "search still failing after $limit s: ${body:0:200}"
  return 1
}

search_after_restart() {
  local prod="$RESULTS_DIR/prod" url="http://localhost:${E2E_PORT:-}" ready=""
  if [ ! -d "$prod/packages/backend" ] || [ -z "${E2E_PORT:-}" ]; then
    record "search after a restart: no staged image" 0 1
    return
  fi
  log "== search after a restart"
  (cd "$prod" && NODE_ENV=production exec node packages/backend \
    --config app-config.yaml --config app-config.e2e.yaml) \
    >"$RESULTS_DIR/backend-restart.log" 2>&1 &
  BACKEND_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$url/.backstage/health/v1/readiness" >/dev/null 2>&1; then
      ready=1
      break
    fi
    kill -0 "$BACKEND_PID" 2>/dev/null || break
    sleep 1
  done
  if [ -n "$ready" ] && search_answers "$url" 60; then
    record "search answers within a minute of a restart" 1 0
  else
    tail -n 20 "$RESULTS_DIR/backend-restart.log"
    record "search answers within a minute of a restart" 0 1
  fi
  kill "$BACKEND_PID" 2>/dev/null
  wait "$BACKEND_PID" 2>/dev/null
  BACKEND_PID=""
}
