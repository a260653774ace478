#!/usr/bin/env bash
# A multi-process OrleansHealth cluster on this machine, without Docker: a private PostgreSQL
# (temporary data directory, free port), the schema applied with `migrate`, and N silo processes
# that form one cluster over TCP through ADO.NET clustering, each with its own HTTP port.
# It is what docker-compose.yml does, with processes instead of containers.
#
#   deploy/local/cluster.sh up [N]     start PostgreSQL and N silos (default 3); waits until all are Active
#   deploy/local/cluster.sh status     every silo's view of the cluster (exit 1 unless all agree all are Active)
#   deploy/local/cluster.sh down       stop the silos (SIGTERM, then SIGKILL after 30 s) and PostgreSQL
#
# Environment:
#   OHEALTH_CLUSTER_DIR   state folder (default: <repo>/.local-cluster)
#   OHEALTH_SILO_DLL      a built OrleansHealth.Silo.dll to run instead of publishing one
#   OHEALTH_HTTP_BASE     first HTTP port to try (default 8081; the next free port is used when taken)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state=${OHEALTH_CLUSTER_DIR:-$repo/.local-cluster}
http_base=${OHEALTH_HTTP_BASE:-8081}

say() { printf '%s\n' "$*" >&2; }
die() { say "cluster.sh: $*"; exit 1; }

port_is_free() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind(("0.0.0.0", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
  die "PostgreSQL server binaries not found (install postgresql)"
}

# PostgreSQL refuses to run as root; run its tools as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

silo_dll() {
  if [ -n "${OHEALTH_SILO_DLL:-}" ]; then echo "$OHEALTH_SILO_DLL"; return; fi
  say "building the silo (dotnet publish, Release)…"
  dotnet publish "$repo/src/OrleansHealth.Silo" -c Release -o "$state/silo" --nologo -v quiet >"$state/publish.log" 2>&1 \
    || { cat "$state/publish.log" >&2; die "publish failed"; }
  echo "$state/silo/OrleansHealth.Silo.dll"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

cluster_json() { curl -fsS --max-time 5 "http://127.0.0.1:$1/api/cluster" 2>/dev/null; }

# Prints "active total" as seen by the silo on HTTP port $1.
active_count() {
  cluster_json "$1" | python3 -c '
import json, sys
silos = json.load(sys.stdin)["silos"]
print(sum(s["status"] == "Active" for s in silos), len(silos))' 2>/dev/null || echo "0 0"
}

up() {
  local n=${1:-3}
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number, not '$n'"
  if alive "$state/silo-1.pid"; then die "a cluster is already up in $state; run 'cluster.sh down' first"; fi
  rm -rf "$state"; mkdir -p "$state/pg"
  local dll; dll=$(silo_dll)
  local bin; bin=$(pg_bin)

  local pg_port; pg_port=$(free_port)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$state/pg"
  as_pg "$bin/initdb" -D "$state/pg/data" -U postgres -A trust -E UTF8 --no-sync >"$state/initdb.log" 2>&1 \
    || { cat "$state/initdb.log" >&2; die "initdb failed"; }
  as_pg "$bin/pg_ctl" -D "$state/pg/data" -l "$state/pg/server.log" -w -t 60 \
    -o "-p $pg_port -k $state/pg -c listen_addresses=127.0.0.1" start >/dev/null \
    || die "PostgreSQL did not start; see $state/pg/server.log"
  echo "$bin" >"$state/pg.bin"
  local cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  echo "$cs" >"$state/connection-string"
  say "PostgreSQL on 127.0.0.1:$pg_port"

  ConnectionStrings__Postgres="$cs" dotnet "$dll" migrate >&2 || die "migrate failed"

  local i http=$http_base
  for ((i = 1; i <= n; i++)); do
    while ! port_is_free "$http"; do http=$((http + 1)); done
    local silo_port gateway_port; silo_port=$(free_port); gateway_port=$(free_port)
    echo "$http" >"$state/silo-$i.http"
    Storage=Postgres ConnectionStrings__Postgres="$cs" Http__Port=$http \
      Cluster__SiloPort=$silo_port Cluster__GatewayPort=$gateway_port \
      Cluster__AdvertisedAddress=127.0.0.1 Cluster__SiloName="silo-$i" \
      DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x4000000} nohup dotnet "$dll" >"$state/silo-$i.log" 2>&1 &
    echo $! >"$state/silo-$i.pid"
    say "silo-$i: http://127.0.0.1:$http (silo port $silo_port, gateway $gateway_port), log $state/silo-$i.log"
    http=$((http + 1))
  done

  local deadline=$((SECONDS + 180))
  until all_agree "$n"; do
    for ((i = 1; i <= n; i++)); do
      alive "$state/silo-$i.pid" || { tail -n 20 "$state/silo-$i.log" >&2; die "silo-$i exited"; }
    done
    [ $SECONDS -lt $deadline ] || { status || true; die "the silos did not all become Active within 180 s"; }
    sleep 1
  done
  status
}

silo_count() { ls "$state"/silo-*.http 2>/dev/null | wc -l; }

all_agree() {
  local n=$1 i
  for ((i = 1; i <= n; i++)); do
    [ "$(active_count "$(cat "$state/silo-$i.http")")" = "$n $n" ] || return 1
  done
}

status() {
  [ -d "$state" ] || die "no cluster in $state"
  local n ok=0 i; n=$(silo_count)
  for ((i = 1; i <= n; i++)); do
    local http; http=$(cat "$state/silo-$i.http")
    if ! alive "$state/silo-$i.pid"; then
      printf 'silo-%s  http://127.0.0.1:%s  process not running\n' "$i" "$http"; ok=1; continue
    fi
    local counts; counts=$(active_count "$http")
    printf 'silo-%s  http://127.0.0.1:%s  sees %s of %s silos Active\n' "$i" "$http" ${counts% *} ${counts#* }
    [ "$counts" = "$n $n" ] || ok=1
  done
  return $ok
}

down() {
  [ -d "$state" ] || { say "no cluster in $state"; return 0; }
  local pidfile
  for pidfile in "$state"/silo-*.pid; do
    [ -f "$pidfile" ] && alive "$pidfile" && kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 30))
  for pidfile in "$state"/silo-*.pid; do
    [ -f "$pidfile" ] || continue
    while alive "$pidfile" && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    alive "$pidfile" && kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
  done
  if [ -f "$state/pg/data/postmaster.pid" ]; then
    as_pg "$(cat "$state/pg.bin")/pg_ctl" -D "$state/pg/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$state"
  say "cluster stopped"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  status) status ;;
  down) down ;;
  *) say "usage: $0 up [N] | status | down"; exit 2 ;;
esac
