#!/usr/bin/env bash
# `npm run up`: prepare the machine, build, (re)start api + worker + SIP edge in the background, print how to reach them.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/processes.sh"

prepare
apt_install curl

log "building"
(cd "$ROOT" && npm run --silent build >/dev/null)

stop_process worker
stop_process api
stop_process kamailio
stop_process coturn
stop_process rtpengine
for port in "${PORT:-3000}" "${WORKER_HEALTH_PORT:-3001}" "${SIP_PORT:-5060}" "${SIP_TLS_PORT:-5061}" \
  "${SIP_WSS_PORT:-8443}" "${EDGE_RPC_PORT:-5090}" "${TURN_PORT:-3478}"; do
  tcp_open 127.0.0.1 "$port" && die "port $port is in use by another program (see the ports in .env)"
done
start_process rtpengine bash infra/scripts/rtpengine.sh
start_process coturn bash infra/scripts/coturn.sh
start_process api node dist/apps/api/src/main.js
start_process worker node dist/apps/worker/src/main.js
start_process kamailio bash infra/scripts/kamailio.sh
wait_for_http api "http://127.0.0.1:${PORT:-3000}/readyz" 60
wait_for_http worker "http://127.0.0.1:${WORKER_HEALTH_PORT:-3001}/healthz" 60
wait_for_tcp "${SIP_LISTEN_IP:-127.0.0.1}" "${SIP_PORT:-5060}" 15 || {
  tail -n 30 "$RUN_DIR/logs/kamailio.log" >&2
  die "the SIP edge did not start on ${SIP_LISTEN_IP:-127.0.0.1}:${SIP_PORT:-5060}"
}
wait_for_tcp "${SIP_LISTEN_IP:-127.0.0.1}" "${TURN_PORT:-3478}" 15 || {
  tail -n 30 "$RUN_DIR/logs/coturn.log" >&2
  die "TURN (coturn) did not start on ${SIP_LISTEN_IP:-127.0.0.1}:${TURN_PORT:-3478}"
}
is_running rtpengine || { tail -n 30 "$RUN_DIR/logs/rtpengine.log" >&2; die "rtpengine did not start"; }

cat <<INFO

  Callwire is running.
    Dashboard    ${PUBLIC_URL}/dashboard/   (sign in with the admin key below, or an account API key)
    API          ${PUBLIC_URL}/v1
    API docs     ${PUBLIC_URL}/docs   (OpenAPI: ${PUBLIC_URL}/openapi.json)
    Health       ${PUBLIC_URL}/readyz, metrics ${PUBLIC_URL}/metrics
    Softphone    ${PUBLIC_URL}/phone   (browser SDK: ${PUBLIC_URL}/sdk/callwire.js)
    SIP edge     sip:${SIP_LISTEN_IP:-127.0.0.1}:${SIP_PORT:-5060} (UDP, TCP), TLS :${SIP_TLS_PORT:-5061},
                 wss://${EDGE_PUBLIC_HOST:-${SIP_LISTEN_IP:-127.0.0.1}}:${SIP_WSS_PORT:-8443} (browsers); users register as user@<account sipDomain>
    Media        rtpengine (ng 127.0.0.1:${RTPENGINE_NG_PORT:-2223}), TURN/STUN ${EDGE_PUBLIC_HOST:-${SIP_LISTEN_IP:-127.0.0.1}}:${TURN_PORT:-3478}
    Admin key    ${ADMIN_API_KEY}
    Logs         .run/logs/        Stop with: npm run down

INFO
