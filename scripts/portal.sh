#!/usr/bin/env bash
# Entry point of the Portail Amue Cloud's quick start:
#   portal.sh start   set up what is missing, start the portal (Ctrl-C stops)
#   portal.sh test    set up what is missing, run every test, print a summary
#   portal.sh setup   set up what is missing (Node.js, dependencies, tools)
#   portal.sh stage   stage the production build already made (tests)
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

# The staged production build of `npm start` (git-ignored): the backend's
# bundle, the repository's node_modules hard-linked, and links to the
# configuration, catalog, templates and docs.
PORTAL_BUILD_DIR="$REPO_ROOT/.portal"

# True when no build was staged yet, or a source, the lockfile or the root
# manifest changed since.
sources_changed() {
  local stamp="$PORTAL_BUILD_DIR/.build-stamp"
  [ -f "$stamp" ] || return 0
  [ "$REPO_ROOT/yarn.lock" -nt "$stamp" ] && return 0
  [ "$REPO_ROOT/package.json" -nt "$stamp" ] && return 0
  [ -n "$(find "$REPO_ROOT/packages" "$REPO_ROOT/plugins" \
    \( -name node_modules -o -name dist -o -name dist-types -o -name e2e-tests -o -name e2e-federation \) -prune \
    -o -type f -newer "$stamp" -print -quit)" ]
}

# Stages the backend's bundle built in packages/backend/dist (and the app
# it serves) in $PORTAL_BUILD_DIR, then marks the build current.
stage_build() {
  cd "$REPO_ROOT"
  [ -f packages/backend/dist/bundle.tar.gz ] || die "no production build in packages/backend/dist: run yarn build:all"
  local staged="$PORTAL_BUILD_DIR.new"
  rm -rf "$staged"
  mkdir -p "$staged"
  tar -xzf packages/backend/dist/skeleton.tar.gz -C "$staged"
  tar -xzf packages/backend/dist/bundle.tar.gz -C "$staged"
  # The dependencies already installed, hard-linked (seconds, no disk
  # space): the workspace links in node_modules are relative, so they
  # point to the staged packages.
  cp -al node_modules "$staged/node_modules"
  local nested
  for nested in packages/*/node_modules plugins/*/node_modules; do
    if [ -d "$nested" ] && [ -d "$staged/$(dirname "$nested")" ]; then
      cp -al "$nested" "$staged/$nested"
    fi
  done
  local item
  for item in app-config.yaml app-config.quickstart.yaml catalog templates docs mkdocs.yml; do
    ln -s "../$item" "$staged/$item"
  done
  rm -rf "$PORTAL_BUILD_DIR"
  mv "$staged" "$PORTAL_BUILD_DIR"
  touch "$PORTAL_BUILD_DIR/.build-stamp"
}

# Builds the app and the backend for production (backstage-cli, its
# progress shown) and stages them, when the sources changed since the last
# build.
build_portal() {
  cd "$REPO_ROOT"
  if ! sources_changed; then
    log "production build up to date (.portal/)"
    return
  fi
  log "building the portal for production: a few minutes, once (again only when the sources change)"
  local start=$SECONDS
  if ! yarn build:all 2>&1 | sed -u 's/^/[build] /'; then
    die "the production build failed (output above); the developers' portal still starts with: yarn dev"
  fi
  stage_build
  log "production build ready in $((SECONDS - start)) s"
}

start() {
  setup
  build_portal
  export AMUE_DATA_DIR="${AMUE_DATA_DIR:-$REPO_ROOT/data}"
  export PORTAL_PORT="${PORTAL_PORT:-7007}"
  mkdir -p "$AMUE_DATA_DIR"
  log "starting the portal at http://localhost:$PORTAL_PORT (production build; developers: yarn dev)"
  log "data kept in $AMUE_DATA_DIR; Ctrl-C stops the portal"
  cd "$PORTAL_BUILD_DIR"
  NODE_ENV=production exec node packages/backend \
    --config app-config.yaml --config app-config.quickstart.yaml
}

case "${1:-}" in
  start) start ;;
  test) setup test; exec bash "$REPO_ROOT/scripts/test-all.sh" ;;
  setup) setup "${2:-}"; log "setup complete" ;;
  # Internal (scripts/test-all.sh): stage the build just made by yarn build:all.
  stage) ensure_node; stage_build ;;
  *) die "usage: $0 start|test|setup" ;;
esac
