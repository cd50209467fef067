#!/usr/bin/env bash
# One call from a pretend carrier (SIPp, from 127.0.0.3) to a number at the running edge: the README's way
# to try inbound routing. Usage: npm run try:carrier-call -- +15550001001 [seconds to hold, default 20]
# The carrier SIPp echoes the media it gets back, so a browser that answers hears itself.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$ROOT/.env" ] && load_env
number="${1:?usage: npm run try:carrier-call -- <number, e.g. +15550001001> [hold seconds]}"
hold_ms=$(( ${2:-20} * 1000 ))
command -v sipp >/dev/null || apt_install sip-tester
scenario="$(mktemp --suffix=.xml)"
trap 'rm -f "$scenario"' EXIT
# test/sipp/carrier.xml, answered ending only (the test harness fills the same placeholders).
sed -e '/<!--reject-->/,/<!--\/reject-->/d' -e "s/__HOLD_MS__/$hold_ms/" -e 's/__CALLER_RTP_PORT__/[media_port]/' \
  "$ROOT/test/sipp/carrier.xml" > "$scenario"
log "calling $number from 127.0.0.3 (add 127.0.0.3/32 to a carrier's inbound.allowedAddresses)"
sipp "${SIP_LISTEN_IP:-127.0.0.1}:${SIP_PORT:-5060}" -sf "$scenario" -i 127.0.0.3 -p 5060 -cp 18888 -m 1 \
  -key number "$number" -key caller +14155550100 -key transport UDP -rtp_echo -nostdin -nd \
  -timeout "$(( hold_ms / 1000 + 60 ))s" -timeout_error -trace_err -error_file "$RUN_DIR/logs/carrier-call-errors.log" >/dev/null
log "the carrier's call ended normally"
