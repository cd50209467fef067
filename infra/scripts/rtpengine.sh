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
# The DTMF digits it sees go to the worker (one JSON datagram each): DTMF interworking, digits in call records.
[ "${RTPENGINE_DTMF_PORT:-2224}" != 0 ] && args+=(--dtmf-log-dest="127.0.0.1:${RTPENGINE_DTMF_PORT:-2224}")
[ "$(id -u)" -eq 0 ] || exec rtpengine "${args[@]}"
# Started as root, it runs as its own unprivileged user (Debian's rtpengine, else nobody): it needs no
# capability for userspace forwarding.
run_as=(setpriv --reuid=nobody --regid=nogroup --init-groups --inh-caps=-all)
id rtpengine >/dev/null 2>&1 && run_as=(setpriv --reuid=rtpengine --regid="$(id -gn rtpengine)" --init-groups --inh-caps=-all)
command -v iptables >/dev/null 2>&1 || exec "${run_as[@]}" rtpengine "${args[@]}"

# The ng protocol has no authentication: the kernel refuses (ICMP port unreachable) ng commands from local
# processes other than the edge's user (kamailio) and root. Not exec'd: the rule is removed when rtpengine stops.
ng_rule=(OUTPUT -o lo -p udp -d 127.0.0.1 --dport "${RTPENGINE_NG_PORT:-2223}" -m owner ! --uid-owner 0)
id kamailio >/dev/null 2>&1 && ng_rule+=(-m owner ! --uid-owner kamailio)
ng_rule+=(-m comment --comment "callwire-rtpengine-ng" -j REJECT)
remove_ng_rule() { while iptables -w -D "${ng_rule[@]}" 2>/dev/null; do :; done; }
remove_ng_rule # a rule left by an rtpengine whose wrapper was killed
iptables -w -I "${ng_rule[@]}" || echo "callwire: iptables refused the rule that keeps rtpengine's ng port to the edge" >&2
"${run_as[@]}" rtpengine "${args[@]}" &
media_pid=$!
trap 'kill -TERM "$media_pid" 2>/dev/null' TERM INT
status=0
wait "$media_pid" || status=$?
# A signal interrupts the first wait: wait for rtpengine to finish its shutdown.
if kill -0 "$media_pid" 2>/dev/null; then status=0; wait "$media_pid" || status=$?; fi
remove_ng_rule
exit "$status"
