#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL server and Redis are installed for `npm run test:queue`; installs
# them with apt-get when missing (root or sudo needed then). Nothing is started or enabled here: the
# queue test starts both as its own processes, on free ports, in a temporary folder, and stops them.
#
#   scripts/queue/ensure-services.sh           # install what is missing, print what was found
#   scripts/queue/ensure-services.sh --check   # only report; exit 1 when something is missing
#
# Prints, on its last two lines, the PostgreSQL bin folder and the redis-server path (the test finds
# them itself the same way; QUEUE_PG_BIN / QUEUE_REDIS_SERVER override).
set -euo pipefail

log() { printf '[ensure-services] %s\n' "$*" >&2; }
die() { printf '[ensure-services] ERROR: %s\n' "$*" >&2; exit 1; }

find_pg_bin() {
  if [[ -n "${QUEUE_PG_BIN:-}" && -x "${QUEUE_PG_BIN}/postgres" ]]; then echo "$QUEUE_PG_BIN"; return 0; fi
  # Debian keeps the server binaries per major version; take the newest.
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -n "$dir" && -x "$dir/postgres" && -x "$dir/initdb" ]]; then echo "$dir"; return 0; fi
  return 1
}
find_redis() {
  if [[ -n "${QUEUE_REDIS_SERVER:-}" && -x "${QUEUE_REDIS_SERVER}" ]]; then echo "$QUEUE_REDIS_SERVER"; return 0; fi
  command -v redis-server 2>/dev/null && return 0
  [[ -x /usr/bin/redis-server ]] && { echo /usr/bin/redis-server; return 0; }
  return 1
}

MISSING=()
find_pg_bin >/dev/null || MISSING+=(postgresql)
find_redis >/dev/null || MISSING+=(redis-server)
# psql and createdb come with the client package (a dependency of postgresql).
command -v psql >/dev/null 2>&1 || MISSING+=(postgresql-client)

if (( ${#MISSING[@]} )); then
  [[ "${1:-}" == "--check" ]] && die "missing: ${MISSING[*]} (run scripts/queue/ensure-services.sh to install them)"
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "missing ${MISSING[*]}; not root and no sudo: install them with apt-get as root"
    SUDO="sudo"
  fi
  log "installing ${MISSING[*]} with apt-get ..."
  $SUDO apt-get update -qq
  # policy-rc.d: Debian's packages would start a system-wide postgres (port 5432) and redis (6379);
  # the test does not use them, so they are not started here.
  POLICY=/usr/sbin/policy-rc.d
  MADE_POLICY=""
  if [[ ! -e "$POLICY" ]]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null && $SUDO chmod +x "$POLICY" && MADE_POLICY=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null || {
    [[ -n "$MADE_POLICY" ]] && $SUDO rm -f "$POLICY"
    die "apt-get install ${MISSING[*]} failed"
  }
  [[ -n "$MADE_POLICY" ]] && $SUDO rm -f "$POLICY"
fi

PG_BIN="$(find_pg_bin)" || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
REDIS="$(find_redis)" || die "redis-server not found"
log "postgres: $("$PG_BIN/postgres" --version); redis: $("$REDIS" --version | cut -d' ' -f1-3)"
echo "$PG_BIN"
echo "$REDIS"
