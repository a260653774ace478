#!/usr/bin/env bash
# A multi-process OrleansHealth cluster on this machine, without Docker: a private PostgreSQL
# (temporary data directory, free port), the schema applied with `migrate`, and N silo processes
# that form one cluster over TCP through ADO.NET clustering, each with its own HTTP port.
# It is what docker-compose.yml does, with processes instead of containers.
#
#   deploy/local/cluster.sh up [N]     start PostgreSQL and N silos (default 3); waits until all are Active
#   deploy/local/cluster.sh status     every silo's view of the cluster (exit 1 unless all agree all are Active)
#   deploy/local/cluster.sh restart    rolling restart, one silo at a time: SIGTERM, wait for it to exit, start
#                                      it again on the same ports, wait until every silo sees all N Active
#   deploy/local/cluster.sh stop       stop the silos (SIGTERM, then SIGKILL after 60 s) and PostgreSQL, keeping
#                                      the database and the ports: `start` brings the same cluster back
#   deploy/local/cluster.sh start      start a stopped cluster again (PostgreSQL, then every silo on its ports)
#   deploy/local/cluster.sh db stop|start  stop or start PostgreSQL alone, the silos running (an outage drill)
#   deploy/local/cluster.sh down       stop everything and delete the state folder with the database
#   deploy/local/cluster.sh token [ROLE…]  print a bearer token for this cluster (default: admin clinician analyst)
#
# Environment:
#   OHEALTH_CLUSTER_DIR   state folder (default: <repo>/.local-cluster)
#   OHEALTH_SILO_DLL      a built OrleansHealth.Silo.dll to run instead of publishing one (restart uses the
#                         one `up` used unless this is set)
#   OHEALTH_HTTP_BASE     first HTTP port to try (default 8081; the next free port is used when taken)
#   Auth__SigningKey      the HS256 key the silos check tokens with (default: a random one, made by `up` and
#                         kept in the state folder; `token` signs with it)
#   Privacy__PseudonymKey the HMAC key of pseudonymous ids (default: a random one, made by `up` and kept there)
#   OHEALTH_STOP_WAIT     seconds restart waits for a silo to exit after SIGTERM (default 60: the silo's
#                         drain delay plus its shutdown timeout, 5 + 30 s by default, with room to spare)
# Silo settings (Shutdown__DrainDelaySeconds, shutdownTimeoutSeconds, Logging__…) pass through from the environment.
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

# A process that has exited but not been reaped yet (a zombie) counts as gone.
alive() {
  [ -f "$1" ] || return 1
  local stat; stat=$(ps -o stat= -p "$(cat "$1")" 2>/dev/null) || return 1
  [[ "$stat" != Z* ]]
}

cluster_json() { curl -fsS --max-time 5 -H "Authorization: Bearer $(token admin)" "http://127.0.0.1:$1/api/cluster" 2>/dev/null; }

# An HS256 JWT signed with the cluster's key, valid for an hour, for roles $@ (default: admin clinician analyst).
token() {
  [ -f "$state/auth-key" ] || die "no cluster in $state"
  python3 - "$state/auth-key" "${Auth__Issuer:-orleans-health}" "${Auth__Audience:-orleans-health}" "${@:-admin clinician analyst}" <<'PY'
import base64, hashlib, hmac, json, sys, time
def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
key = open(sys.argv[1], "rb").read().strip()
now = int(time.time())
claims = {"sub": "cluster.sh", "role": " ".join(sys.argv[4:]).split(), "iss": sys.argv[2], "aud": sys.argv[3], "iat": now, "nbf": now, "exp": now + 3600}
signed = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
print(signed + "." + b64(hmac.new(key, signed.encode(), hashlib.sha256).digest()))
PY
}

# Prints "active members" as seen by the silo on HTTP port $1. Members are the silos not Dead: a
# restarted silo's previous incarnation stays listed as Dead until the table's cleanup removes it.
active_count() {
  cluster_json "$1" | python3 -c '
import json, sys
silos = json.load(sys.stdin)["silos"]
print(sum(s["status"] == "Active" for s in silos), sum(s["status"] != "Dead" for s in silos))' 2>/dev/null || echo "0 0"
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
  echo "$bin" >"$state/pg.bin"
  echo "$pg_port" >"$state/pg.port"
  # The silos refuse to start without a token signing key: the operator's, or a random one kept here.
  (umask 077; printf '%s' "${Auth__SigningKey:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')}" >"$state/auth-key")
  # Likewise the pseudonym key, which every silo must share for the life of the data.
  (umask 077; printf '%s' "${Privacy__PseudonymKey:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')}" >"$state/pseudonym-key")
  start_pg
  # Each silo opens up to Maximum Pool Size connections for Orleans plus 16 for the row stores;
  # unbounded (100 each) three silos under load exhaust the server ("too many clients already").
  local cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=32"
  echo "$cs" >"$state/connection-string"
  say "PostgreSQL on 127.0.0.1:$pg_port"

  ConnectionStrings__Postgres="$cs" dotnet "$dll" migrate >&2 || die "migrate failed"

  echo "$dll" >"$state/silo.dll"
  local i http=$http_base
  for ((i = 1; i <= n; i++)); do
    while ! port_is_free "$http"; do http=$((http + 1)); done
    # The ports are kept so that restart brings each silo back where its peers and clients expect it.
    echo "$http" >"$state/silo-$i.http"
    free_port >"$state/silo-$i.silo-port"
    free_port >"$state/silo-$i.gateway-port"
    start_silo "$i" "$dll"
    http=$((http + 1))
  done

  wait_all_active "$n" 180
  status
  say "a bearer token for the API: $0 token   (curl -H \"Authorization: Bearer \$($0 token)\" http://127.0.0.1:$(cat "$state/silo-1.http")/api/sources)"
}

# PostgreSQL on the port and data folder `up` chose for it.
start_pg() {
  if [ -f "$state/pg/data/postmaster.pid" ] && as_pg "$(cat "$state/pg.bin")/pg_ctl" -D "$state/pg/data" status >/dev/null 2>&1; then
    return 0
  fi
  as_pg "$(cat "$state/pg.bin")/pg_ctl" -D "$state/pg/data" -l "$state/pg/server.log" -w -t 60 \
    -o "-p $(cat "$state/pg.port") -k $state/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || die "PostgreSQL did not start; see $state/pg/server.log"
}

# Fast shutdown: open connections are dropped, as in a real outage or a database failover.
stop_pg() {
  if [ -f "$state/pg/data/postmaster.pid" ]; then
    as_pg "$(cat "$state/pg.bin")/pg_ctl" -D "$state/pg/data" -m fast -w stop >/dev/null || true
  fi
}

# Starts silo $1 from dll $2 on the ports stored for it; its log is appended to, so a restart keeps the history.
start_silo() {
  local i=$1 dll=$2
  local http silo_port gateway_port
  http=$(cat "$state/silo-$i.http"); silo_port=$(cat "$state/silo-$i.silo-port"); gateway_port=$(cat "$state/silo-$i.gateway-port")
  Storage=Postgres ConnectionStrings__Postgres="$(cat "$state/connection-string")" Auth__SigningKey="$(cat "$state/auth-key")" \
    Privacy__PseudonymKey="$(cat "$state/pseudonym-key")" Http__Port=$http \
    Cluster__SiloPort=$silo_port Cluster__GatewayPort=$gateway_port \
    Cluster__AdvertisedAddress=127.0.0.1 Cluster__SiloName="silo-$i" \
    DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x4000000} nohup dotnet "$dll" >>"$state/silo-$i.log" 2>&1 &
  echo $! >"$state/silo-$i.pid"
  say "silo-$i: http://127.0.0.1:$http (silo port $silo_port, gateway $gateway_port), log $state/silo-$i.log"
}

# Waits up to $2 seconds until each of the $1 silos sees all of them Active; fails early when one exits.
wait_all_active() {
  local n=$1 limit=$2 i
  local deadline=$((SECONDS + limit))
  until all_agree "$n"; do
    for ((i = 1; i <= n; i++)); do
      alive "$state/silo-$i.pid" || { tail -n 20 "$state/silo-$i.log" >&2; die "silo-$i exited"; }
    done
    [ $SECONDS -lt $deadline ] || { status || true; die "the silos did not all become Active within $limit s"; }
    sleep 1
  done
}

restart() {
  [ -d "$state" ] || die "no cluster in $state"
  local n i; n=$(silo_count)
  [ "$n" -gt 0 ] || die "no silos in $state"
  [ -f "$state/silo-1.silo-port" ] || die "this cluster was started by an older cluster.sh that kept no ports; run down, then up"
  local dll=${OHEALTH_SILO_DLL:-$(cat "$state/silo.dll")}
  local stop_wait=${OHEALTH_STOP_WAIT:-60}
  [[ "$stop_wait" =~ ^[1-9][0-9]*$ ]] || die "OHEALTH_STOP_WAIT must be a positive number of seconds, not '$stop_wait'"
  all_agree "$n" || { status || true; die "not every silo sees all $n Active; fix that before a rolling restart"; }
  for ((i = 1; i <= n; i++)); do
    local pidfile="$state/silo-$i.pid" started=$SECONDS
    say "silo-$i: stopping (SIGTERM)…"
    kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
    local deadline=$((SECONDS + stop_wait))
    while alive "$pidfile"; do
      [ $SECONDS -lt $deadline ] || die "silo-$i did not exit within $stop_wait s of SIGTERM; see $state/silo-$i.log"
      sleep 0.2
    done
    say "silo-$i: exited after $((SECONDS - started)) s"
    start_silo "$i" "$dll"
    wait_all_active "$n" 180
    say "silo-$i: back; all $n silos Active again after $((SECONDS - started)) s"
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

# SIGTERM to every silo at once (each drains and leaves), SIGKILL to any still running after 60 s.
stop_silos() {
  local pidfile
  for pidfile in "$state"/silo-*.pid; do
    [ -f "$pidfile" ] && alive "$pidfile" && kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 60))
  for pidfile in "$state"/silo-*.pid; do
    [ -f "$pidfile" ] || continue
    while alive "$pidfile" && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    alive "$pidfile" && kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
  done
}

stop() {
  [ -d "$state" ] || die "no cluster in $state"
  stop_silos
  stop_pg
  say "cluster stopped; its database and ports are kept in $state ('start' brings it back, 'down' deletes it)"
}

start() {
  [ -f "$state/pg.port" ] && [ -f "$state/silo.dll" ] || die "no stopped cluster in $state (this needs one that 'up' started)"
  local n i; n=$(silo_count)
  for ((i = 1; i <= n; i++)); do
    alive "$state/silo-$i.pid" && die "silo-$i is still running; 'stop' the cluster first"
  done
  start_pg
  say "PostgreSQL on 127.0.0.1:$(cat "$state/pg.port")"
  local dll=${OHEALTH_SILO_DLL:-$(cat "$state/silo.dll")}
  for ((i = 1; i <= n; i++)); do start_silo "$i" "$dll"; done
  wait_all_active "$n" 180
  status
}

db() {
  [ -f "$state/pg.port" ] || die "no cluster in $state"
  case "${1:-}" in
    stop) stop_pg; say "PostgreSQL stopped (the silos keep running)" ;;
    start) start_pg; say "PostgreSQL on 127.0.0.1:$(cat "$state/pg.port")" ;;
    *) die "usage: cluster.sh db stop|start" ;;
  esac
}

down() {
  [ -d "$state" ] || { say "no cluster in $state"; return 0; }
  stop_silos
  stop_pg
  rm -rf "$state"
  say "cluster stopped and its state deleted"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  status) status ;;
  restart) restart ;;
  stop) stop ;;
  start) start ;;
  db) shift; db "$@" ;;
  token) shift; token "$@" ;;
  down) down ;;
  *) say "usage: $0 up [N] | status | restart | stop | start | db stop|start | token [ROLE…] | down"; exit 2 ;;
esac
