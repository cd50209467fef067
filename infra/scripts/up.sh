#!/usr/bin/env bash
# `npm run up`: prepare the machine, build, (re)start api + worker + SIP edge in the background, print how to reach them.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/processes.sh"

prepare
apt_install curl supervisor

log "building"
(cd "$ROOT" && npm run --silent build >/dev/null)

# Processes started by an `npm run up` from before supervision, then the supervised ones.
for name in worker api kamailio coturn rtpengine; do stop_process "$name"; done
bash "$ROOT/infra/scripts/supervisor.sh" stop
for port in "${PORT:-3000}" "${WORKER_HEALTH_PORT:-3001}" "${SIP_PORT:-5060}" "${SIP_TLS_PORT:-5061}" \
  "${SIP_WSS_PORT:-8443}" "${EDGE_RPC_PORT:-5090}" "${TURN_PORT:-3478}"; do
  tcp_open 127.0.0.1 "$port" && die "port $port is in use by another program (see the ports in .env)"
done
# supervisord runs rtpengine, coturn, api, worker and Kamailio, and restarts any that exits or is killed.
bash "$ROOT/infra/scripts/supervisor.sh" start
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
wait_for_running rtpengine 10 || { tail -n 30 "$RUN_DIR/logs/rtpengine.log" >&2; die "rtpengine did not start"; }

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
    Processes    supervised (restarted when they exit): supervisorctl -c .run/supervisor/supervisord.conf status

INFO
