#!/usr/bin/env bash
# Per-source-address TCP connection limit on the edge's SIP ports (TCP, TLS, WSS): Kamailio 5.6 has none of
# its own, so the kernel's connlimit refuses (TCP reset) a source's connection beyond the limit before the
# edge spends a file descriptor or a TLS handshake on it. Needs root and iptables; without them the edge runs
# with only its global limit (logged). Sourced by kamailio.sh.

CONNLIMIT_COMMENT=""

# limit_connections_per_source <port,port,...> <limit>
limit_connections_per_source() {
  local ports="$1" limit="$2"
  if [ "$limit" = 0 ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v iptables >/dev/null 2>&1; then
    echo "callwire: no per-source connection limit (needs root and iptables)" >&2
    return 0
  fi
  CONNLIMIT_COMMENT="callwire-edge-$ports"
  unlimit_connections_per_source # a rule left by an edge that was killed
  CONNLIMIT_COMMENT="callwire-edge-$ports"
  iptables -w -I INPUT -p tcp --syn -m multiport --dports "$ports" -m connlimit --connlimit-above "$limit" \
    --connlimit-mask 32 -m comment --comment "$CONNLIMIT_COMMENT" -j REJECT --reject-with tcp-reset 2>/dev/null ||
    echo "callwire: iptables refused the per-source connection limit" >&2
  if command -v ip6tables >/dev/null 2>&1; then
    ip6tables -w -I INPUT -p tcp --syn -m multiport --dports "$ports" -m connlimit --connlimit-above "$limit" \
      --connlimit-mask 128 -m comment --comment "$CONNLIMIT_COMMENT" -j REJECT --reject-with tcp-reset 2>/dev/null || true
  fi
}

unlimit_connections_per_source() {
  [ -n "$CONNLIMIT_COMMENT" ] || return 0
  local tool rule
  for tool in iptables ip6tables; do
    command -v "$tool" >/dev/null 2>&1 || continue
    # iptables -S prints the comment quoted: match it whole, with or without quotes.
    while rule="$("$tool" -w -S INPUT 2>/dev/null | grep -E -- "--comment \"?$CONNLIMIT_COMMENT\"? " | head -1)" && [ -n "$rule" ]; do
      eval "$tool -w ${rule/-A INPUT/-D INPUT}" || break
    done
  done
  CONNLIMIT_COMMENT=""
}
