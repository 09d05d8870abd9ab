# shellcheck shell=bash
# Stage of scripts/test-all.sh (sourced after e2e_tests): search answers
# within a minute of a restart of the embedded default. The Lunr index lives
# in the memory of the process, so every start must rebuild it (issue 15:
# after a restart, search answered 500 "Missing index" for up to ten
# minutes). Restarts the portal on the data folder
# the browser tests left ($AMUE_DATA_DIR), where the scheduler remembers the
# collators' earlier runs. The restart goes through `npm start`
# (scripts/portal.sh), which this stage checks as well: the production
# build served on one port.

# search_answers <base-url> <seconds>: a catalog search for "sifac" answers
# with results within <seconds>.
search_answers() {
  local url="$1" limit="$2" start=$SECONDS token="" body=""
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    # The browser tests ran the build from another folder, so the catalog's
    # configured location is a new one after this restart: its entities,
    # marc.petit included, are removed and added again in the first seconds
    # (sign-in answers 404 meanwhile). Sign-in is retried like the search.
    if [ -z "$token" ]; then
      token="$(curl -fsS -H 'x-amue-dev-user: marc.petit' \
        -H 'x-requested-with: XMLHttpRequest' "$url/api/auth/dev/refresh" 2>/dev/null |
        node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).backstageIdentity.token)}catch{}})')"
    fi
    if [ -n "$token" ]; then
      body="$(curl -sS -H "Authorization: Bearer $token" \
        "$url/api/search/query?term=sifac&types%5B0%5D=software-catalog")"
      if node -e 'process.exit(JSON.parse(process.argv[1]).results?.length > 0 ? 0 : 1)' "$body" 2>/dev/null; then
        log "search answered $((SECONDS - start)) s after readiness"
        return 0
      fi
    else
      body="sign-in as marc.petit not possible yet"
    fi
    sleep 2
  done
  log "search still failing after $limit s: ${body:0:200}"
  return 1
}

search_after_restart() {
  local url="http://localhost:${E2E_PORT:-}" ready=""
  if [ ! -f "$REPO_ROOT/packages/backend/dist/bundle.tar.gz" ] || [ -z "${E2E_PORT:-}" ]; then
    record "search after a restart: no production build" 0 1
    return
  fi
  log "== search after a restart, through npm start"
  # The restart is the quick start's own: the build e2e_tests made, staged
  # in .portal/ as `npm start` stages it, then `portal.sh start` (which finds
  # the build current and does not rebuild) on the browser tests' data.
  if ! bash "$REPO_ROOT/scripts/portal.sh" stage >"$RESULTS_DIR/portal-stage.log" 2>&1; then
    tail -n 20 "$RESULTS_DIR/portal-stage.log"
    record "npm start: the production build staged" 0 1
    return
  fi
  (PORTAL_PORT="$E2E_PORT" AMUE_DATA_DIR="$AMUE_DATA_DIR" \
    exec bash "$REPO_ROOT/scripts/portal.sh" start) \
    >"$RESULTS_DIR/backend-restart.log" 2>&1 &
  BACKEND_PID=$!
  for _ in $(seq 1 180); do
    if curl -fsS "$url/.backstage/health/v1/readiness" >/dev/null 2>&1; then
      ready=1
      break
    fi
    kill -0 "$BACKEND_PID" 2>/dev/null || break
    sleep 1
  done
  # npm start serves the production build on one port: the page's scripts
  # are the built, hashed bundles, from the backend itself, and nothing was
  # built again.
  if [ -n "$ready" ] && quick_start_serves_build "$url"; then
    record "npm start serves the production build on one port" 1 0
  else
    tail -n 20 "$RESULTS_DIR/backend-restart.log"
    record "npm start serves the production build on one port" 0 1
  fi
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

# quick_start_serves_build <base-url>: / is the production index (hashed
# bundles under /static, each served by the backend), under 3 MB of
# JavaScript compressed, and the start did not rebuild.
quick_start_serves_build() {
  local url="$1" index scripts total=0 size src
  grep -q 'production build up to date' "$RESULTS_DIR/backend-restart.log" || {
    log "npm start rebuilt instead of reusing the staged build"
    return 1
  }
  index="$(curl -fsS "$url/")" || return 1
  scripts="$(grep -o 'src="/static/[a-z0-9.-]*\.js"' <<<"$index" | sed 's/^src="//; s/"$//')"
  [ -n "$scripts" ] || { log "no built script in the page: ${index:0:200}"; return 1; }
  for src in $scripts; do
    size="$(curl -fsS -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$url$src")" || return 1
    total=$((total + size))
  done
  log "npm start: $(wc -w <<<"$scripts") scripts in the first page, $((total / 1024)) KB compressed"
  [ "$total" -lt $((3 * 1024 * 1024)) ]
}
