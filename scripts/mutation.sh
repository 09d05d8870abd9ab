#!/usr/bin/env bash
# Mutation testing (StrykerJS) of the rules the portal depends on: the
# onboarding steps and transitions, permissions, UAI, naming and entity
# validation (plugins/cloud-common) and the permission policy. Not part of
# `npm test` (minutes of CPU); run it when these rules or their tests change:
#
#   bash scripts/mutation.sh            # both packages
#   bash scripts/mutation.sh common     # plugins/cloud-common only
#   bash scripts/mutation.sh policy     # the policy module only
#   bash scripts/mutation.sh common src/uai.ts   # some files of a package
#
# Incremental: only the mutants of changed code or tests run again (state in
# node_modules/.cache/stryker; remove it for a full run). Reports: the
# summary on the terminal, JSON and HTML in node_modules/.cache/stryker.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
cd "$REPO_ROOT"

CONFIG="$REPO_ROOT/scripts/stryker.config.mjs"
mkdir -p node_modules/.cache/stryker

mutate() {
  # mutate <package folder> <files...>
  local dir="$1"
  shift
  local files
  files="$(IFS=,; echo "$*")"
  log "== mutation testing of $dir"
  (cd "$dir" && CI=true "$REPO_ROOT/node_modules/.bin/stryker" run "$CONFIG" --mutate "$files")
}

which="${1:-all}"
[ $# -gt 0 ] && shift
if [ "$which" = all ] || [ "$which" = common ]; then
  if [ $# -gt 0 ]; then
    mutate plugins/cloud-common "$@"
  else
    mutate plugins/cloud-common \
      src/onboarding/steps.ts src/onboarding/transitions.ts \
      src/permissions.ts src/uai.ts src/naming.ts src/kinds/validation.ts
  fi
fi
if [ "$which" = all ] || [ "$which" = policy ]; then
  if [ $# -gt 0 ]; then
    mutate plugins/permission-backend-module-cloud-policy "$@"
  else
    mutate plugins/permission-backend-module-cloud-policy \
      src/CloudPermissionPolicy.ts src/ApplicationOwnership.ts src/decisions.ts
  fi
fi
