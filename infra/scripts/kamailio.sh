#!/usr/bin/env bash
# Runs the SIP edge (Kamailio) in the foreground with the project's settings (environment, then .env).
# EDGE_RUN_DIR (default .run/kamailio) holds its pid file and control socket.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$ROOT/.env" ] && load_env
: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${EDGE_AUTH_SECRET:?EDGE_AUTH_SECRET is not set (npm run up generates it in .env)}"
: "${CLIENT_TOKEN_SECRET:?CLIENT_TOKEN_SECRET is not set (npm run up generates it in .env)}"
: "${EDGE_API_TOKEN:?EDGE_API_TOKEN is not set (npm run up generates it in .env)}"
: "${EDGE_RPC_TOKEN:?EDGE_RPC_TOKEN is not set (npm run up generates it in .env)}"

run_dir="${EDGE_RUN_DIR:-$RUN_DIR/kamailio}"
mkdir -p "$run_dir"
# Kamailio's PostgreSQL driver names its scheme postgres://.
export KAMAILIO_DB_URL="postgres://${DATABASE_URL#*://}"
# SIP over TLS and WSS: the configured certificate, else a self-signed one made once.
if [ -z "${EDGE_TLS_CERT:-}" ]; then
  tls_dir="$run_dir/tls"
  EDGE_TLS_CERT="$tls_dir/edge-cert.pem"
  EDGE_TLS_KEY="$tls_dir/edge-key.pem"
  if [ ! -s "$EDGE_TLS_CERT" ]; then
    mkdir -p "$tls_dir"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
      -subj "/CN=callwire-edge" -addext "subjectAltName=IP:${SIP_LISTEN_IP:-127.0.0.1},DNS:localhost" \
      -keyout "$EDGE_TLS_KEY" -out "$EDGE_TLS_CERT" 2>/dev/null
    chmod 600 "$EDGE_TLS_KEY"
  fi
fi
: "${EDGE_TLS_KEY:?EDGE_TLS_KEY must be set with EDGE_TLS_CERT}"
export EDGE_TLS_CERT EDGE_TLS_KEY
export EDGE_CTL_SOCKET="unix:$run_dir/kamailio_ctl"
# rtpengine's ng control port (loopback only), see rtpengine.sh.
export EDGE_RTPENGINE_SOCK="udp:127.0.0.1:${RTPENGINE_NG_PORT:-2223}"
export CLIENT_TOKEN_SECRET
# Call and registration events: a Redis stream in the queues' namespace, read by the worker.
export EDGE_REDIS_SERVER
EDGE_REDIS_SERVER="$(node -e '
  const u = new URL(process.argv[1]);
  const parts = ["name=events", `addr=${u.hostname}`, `port=${u.port || 6379}`, `db=${Number(u.pathname.slice(1)) || 0}`];
  if (u.password) parts.push(`pass=${decodeURIComponent(u.password)}`);
  process.stdout.write(parts.join(";"));' "${REDIS_URL:-redis://127.0.0.1:6379}")"
export EDGE_EVENTS_STREAM="${QUEUE_PREFIX:-callwire}:edge-events"
export EDGE_EVENT_SHARDS="${EDGE_EVENT_SHARDS:-16}"
# Routing decisions: the API on this machine (loopback), with the edge's token. http_client takes both as one
# connection definition, name=>scheme://user:password@host/path (the token is the password, sent as Basic).
export EDGE_API_ROUTES_URL="${EDGE_API_ROUTES_URL:-http://127.0.0.1:${PORT:-3000}/internal/edge/routes}"
case "$EDGE_API_TOKEN" in
  *[@\;\"\\[:space:]]*) echo "EDGE_API_TOKEN must not contain @ ; \" \\ or spaces" >&2; exit 1 ;;
esac
case "$EDGE_API_ROUTES_URL" in
  http://*@* | https://*@*) echo "EDGE_API_ROUTES_URL must not carry credentials (EDGE_API_TOKEN is sent)" >&2; exit 1 ;;
  http://* | https://*) export EDGE_API_HTTPCON="api=>${EDGE_API_ROUTES_URL%%://*}://edge:${EDGE_API_TOKEN}@${EDGE_API_ROUTES_URL#*://}" ;;
  *) echo "EDGE_API_ROUTES_URL must be an http:// or https:// URL" >&2; exit 1 ;;
esac
export SIP_CARRIER_REALM="${SIP_CARRIER_REALM:-callwire}"
# Registrations with carriers name this contact address (where the carrier sends the calls back).
export EDGE_REG_CONTACT_ADDR="${EDGE_REG_CONTACT_ADDR:-${SIP_LISTEN_IP:-127.0.0.1}:${SIP_PORT:-5060}}"
export SIP_GATEWAY_TIMEOUT_MS EDGE_REG_TIMER_S
# Call ladders: every SIP message mirrored to the worker's HEP collector (port 0: no capture).
if [ "${SIP_TRACE_COLLECTOR_PORT:-9060}" != 0 ]; then
  : "${SIP_TRACE_AUTH_KEY:?SIP_TRACE_AUTH_KEY is not set (npm run up generates it in .env)}"
  export EDGE_SIPTRACE_URI="sip:${SIP_TRACE_COLLECTOR_HOST:-127.0.0.1}:${SIP_TRACE_COLLECTOR_PORT:-9060}"
  export EDGE_SIPTRACE_AUTH_KEY="$SIP_TRACE_AUTH_KEY"
fi
export EDGE_AUTH_SECRET SIP_LISTEN_IP SIP_PORT SIP_TLS_PORT SIP_WSS_PORT SIP_MIN_EXPIRES SIP_MAX_EXPIRES SIP_NO_ANSWER_MS EDGE_RPC_PORT EDGE_RPC_TOKEN EDGE_CHILDREN EDGE_ASYNC_WORKERS EDGE_ROUTE_CACHE_S
# Security defaults of the edge (README "Security"); unset ones take the defaults in kamailio.cfg.
export EDGE_BAN_SECONDS EDGE_PIKE_REQS EDGE_AUTH_FAIL_LIMIT EDGE_AUTH_FAIL_WINDOW_S EDGE_USER_FAIL_LIMIT SIP_MAX_CONTACTS
export EDGE_TCP_IDLE_S EDGE_CALL_KEEPALIVE_S
# Connections: sized for the machine (file descriptors), at most EDGE_TCP_PER_IP_LIMIT per source address.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
export EDGE_TCP_MAX_CONNECTIONS="${EDGE_TCP_MAX_CONNECTIONS:-$(($(ulimit -n) / 2 - 256))}"
source "$ROOT/infra/scripts/connlimit.sh"
limit_connections_per_source "${SIP_PORT:-5060},${SIP_TLS_PORT:-5061},${SIP_WSS_PORT:-8443}" "${EDGE_TCP_PER_IP_LIMIT:-64}"
# usrloc stores timestamps without a zone: keep them in UTC, as the API reads them.
export TZ=UTC
# Started as root, the edge drops to the unprivileged user of the Debian package after binding its ports.
privileges=()
if [ "$(id -u)" -eq 0 ] && id kamailio >/dev/null 2>&1; then
  chown -R kamailio:kamailio "$run_dir"
  privileges=(-u kamailio -g kamailio)
fi
# Shared memory holds every transaction (and completed ones for a few seconds): Kamailio's default 64 MB
# runs out between 300 and 450 calls/s (docs/BENCHMARKS.md).
# The edge runs in a process group of its own (setsid): Kamailio's children outlive a main process that was
# killed (-9) and would keep its ports, so whatever is left of the group is killed when the main one exits.
# An edge of this run directory left by a wrapper that was itself killed is stopped first, the same way.
old_pid="$(cat "$run_dir/kamailio.pid" 2>/dev/null || true)"
if [ -n "$old_pid" ] && tr '\0' ' ' <"/proc/$old_pid/cmdline" 2>/dev/null | grep -qF -- "-P $run_dir/kamailio.pid"; then
  kill -TERM -- "-$old_pid" 2>/dev/null || kill -TERM "$old_pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do kill -0 "$old_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$old_pid" 2>/dev/null || true
fi
# Not exec'd: the per-source connection limit is removed when the edge stops.
setsid kamailio -DD -E "${privileges[@]}" -m "${EDGE_SHM_MB:-256}" -f "$ROOT/infra/kamailio/kamailio.cfg" -Y "$run_dir" -P "$run_dir/kamailio.pid" &
edge_pid=$!
trap 'kill -TERM "$edge_pid" 2>/dev/null' TERM INT
status=0
wait "$edge_pid" || status=$?
# A signal interrupts the first wait: wait for the edge to finish its shutdown.
if kill -0 "$edge_pid" 2>/dev/null; then status=0; wait "$edge_pid" || status=$?; fi
kill -KILL -- "-$edge_pid" 2>/dev/null || true
unlimit_connections_per_source
exit "$status"
