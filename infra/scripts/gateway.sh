#!/usr/bin/env bash
# A pretend carrier gateway (SIPp on 127.0.0.1:<port>) that takes one call: answers it (echoing the media
# back) or refuses it with a status. It answers health-check OPTIONS too. The README's way to try outbound
# routing and failover. Usage: npm run try:gateway -- <port> [answer | <status, e.g. 503 or 486>]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
port="${1:?usage: npm run try:gateway -- <port> [answer | <SIP status>]}"
outcome="${2:-answer}"
command -v sipp >/dev/null || apt_install sip-tester
scenario="$(mktemp --suffix=.xml)"
trap 'rm -f "$scenario"' EXIT
# test/sipp/callee.xml with one ending kept (the test harness fills the same placeholders).
if [ "$outcome" = answer ]; then
  keep=answer
else
  [[ "$outcome" =~ ^[3-6][0-9][0-9]$ ]] || die "the outcome is answer or a SIP status (e.g. 503), not $outcome"
  keep=reject
fi
filters=()
for ending in answer reject cancel; do [ "$ending" = "$keep" ] || filters+=(-e "/<!--$ending-->/,/<!--\\/$ending-->/d"); done
sed "${filters[@]}" -e "s/__FINAL__/$outcome/" -e 's/__PLAY_AUDIO__//' "$ROOT/test/sipp/callee.xml" > "$scenario"
log "gateway on udp 127.0.0.1:$port: $outcome (one call; Ctrl-C to stop)"
sipp -sf "$scenario" -i 127.0.0.1 -p "$port" -cp $((port + 10000)) -m 1 -aa -rtp_echo -mp $((port + 20000)) \
  -key user gateway -key transport UDP -nostdin -nd -timeout 600s -timeout_error >/dev/null
log "gateway on port $port: the call went as expected"
