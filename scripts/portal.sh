#!/usr/bin/env bash
# Entry point of the Portail Amue Cloud's quick start:
#   portal.sh start   set up what is missing, start the portal (Ctrl-C stops)
#   portal.sh test    set up what is missing, run every test, print a summary
#   portal.sh setup   set up what is missing (Node.js, dependencies, tools)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

setup() {
  ensure_node
  ensure_dependencies
  ensure_mkdocs
  if [ "${1:-}" = test ]; then
    ensure_chromium
    ensure_postgres
    ensure_shellcheck
    ensure_haproxy
  fi
}

start() {
  setup
  export AMUE_DATA_DIR="${AMUE_DATA_DIR:-$REPO_ROOT/data}"
  mkdir -p "$AMUE_DATA_DIR"
  log "starting the portal: frontend http://localhost:3000, backend http://localhost:7007"
  log "data kept in $AMUE_DATA_DIR; Ctrl-C stops the portal"
  cd "$REPO_ROOT"
  exec yarn dev
}

case "${1:-}" in
  start) start ;;
  test) setup test; exec bash "$REPO_ROOT/scripts/test-all.sh" ;;
  setup) setup "${2:-}"; log "setup complete" ;;
  *) die "usage: $0 start|test|setup" ;;
esac
