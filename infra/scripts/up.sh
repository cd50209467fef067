#!/usr/bin/env bash
# `npm run up`: prepare the machine, build, (re)start api + worker + SIP edge in the background, print how to reach them.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/processes.sh"

prepare
apt_install curl

log "building"
(cd "$ROOT" && npx --no-install nest build api >/dev/null && npx --no-install nest build worker >/dev/null)

stop_process worker
stop_process api
stop_process kamailio
for port in "${PORT:-3000}" "${WORKER_HEALTH_PORT:-3001}" "${SIP_PORT:-5060}" "${SIP_TLS_PORT:-5061}" \
  "${SIP_WSS_PORT:-8443}" "${EDGE_RPC_PORT:-5090}"; do
  tcp_open 127.0.0.1 "$port" && die "port $port is in use by another program (see the ports in .env)"
done
start_process api node dist/apps/api/src/main.js
start_process worker node dist/apps/worker/src/main.js
start_process kamailio bash infra/scripts/kamailio.sh
wait_for_http api "http://127.0.0.1:${PORT:-3000}/readyz" 60
wait_for_http worker "http://127.0.0.1:${WORKER_HEALTH_PORT:-3001}/healthz" 60
wait_for_tcp "${SIP_LISTEN_IP:-127.0.0.1}" "${SIP_PORT:-5060}" 15 || {
  tail -n 30 "$RUN_DIR/logs/kamailio.log" >&2
  die "the SIP edge did not start on ${SIP_LISTEN_IP:-127.0.0.1}:${SIP_PORT:-5060}"
}

cat <<INFO

  Callwire is running.
    API          ${PUBLIC_URL}/v1
    API docs     ${PUBLIC_URL}/docs   (OpenAPI: ${PUBLIC_URL}/openapi.json)
    Health       ${PUBLIC_URL}/readyz, metrics ${PUBLIC_URL}/metrics
    SIP edge     sip:${SIP_LISTEN_IP:-127.0.0.1}:${SIP_PORT:-5060} (UDP, TCP), TLS :${SIP_TLS_PORT:-5061},
                 wss://${SIP_LISTEN_IP:-127.0.0.1}:${SIP_WSS_PORT:-8443} (browsers); users register as user@<account sipDomain>
    Admin key    ${ADMIN_API_KEY}
    Logs         .run/logs/        Stop with: npm run down

INFO
