#!/usr/bin/env bash
# Runs rtpengine, the WebRTC media gateway, in the foreground (userspace forwarding: no kernel module).
# The edge drives it over the ng protocol on 127.0.0.1:RTPENGINE_NG_PORT; media uses SIP_LISTEN_IP and
# the RTP_PORT_MIN..RTP_PORT_MAX range.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$ROOT/.env" ] && load_env

# --config-file=none: the packaged config sets a kernel table and other ports.
args=(
  --config-file=none
  --table=-1
  --interface="${SIP_LISTEN_IP:-127.0.0.1}"
  --listen-ng="127.0.0.1:${RTPENGINE_NG_PORT:-2223}"
  --port-min="${RTP_PORT_MIN:-30000}"
  --port-max="${RTP_PORT_MAX:-39999}"
  --tos=184
  --delete-delay=0
  --foreground --log-stderr --log-level="${RTPENGINE_LOG_LEVEL:-5}"
)
# Started as root, it runs as an unprivileged user: it needs no capability for userspace forwarding.
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  exec setpriv --reuid=nobody --regid=nogroup --init-groups --inh-caps=-all rtpengine "${args[@]}"
fi
exec rtpengine "${args[@]}"
