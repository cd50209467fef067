#!/usr/bin/env bash
# Runs coturn (TURN/STUN for browsers) in the foreground with a configuration generated from the project's
# settings (environment, then .env). COTURN_RUN_DIR (default .run/coturn) holds the generated file, which
# contains TURN_SECRET and is readable by its owner only.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$ROOT/.env" ] && load_env
: "${TURN_SECRET:?TURN_SECRET is not set (npm run up generates it in .env)}"

export COTURN_RUN_DIR="${COTURN_RUN_DIR:-$RUN_DIR/coturn}"
export SIP_LISTEN_IP="${SIP_LISTEN_IP:-127.0.0.1}" TURN_PORT="${TURN_PORT:-3478}" TURN_SECRET
export TURN_RELAY_PORT_MIN="${TURN_RELAY_PORT_MIN:-40000}" TURN_RELAY_PORT_MAX="${TURN_RELAY_PORT_MAX:-44999}"
# Relays to loopback, private and other internal addresses are refused (see the template). TURN_ALLOWED_PEER_IPS
# (addresses or ranges a-b, comma-separated) lists the exceptions an operator chose: a private media address,
# or a lab; a loopback exception also needs coturn's allow-loopback-peers.
TURN_PEER_EXCEPTIONS=""
IFS=', ' read -ra peers <<<"${TURN_ALLOWED_PEER_IPS:-}"
for peer in "${peers[@]}"; do
  [[ "$peer" =~ ^[0-9A-Fa-f.:]+(-[0-9A-Fa-f.:]+)?$ ]] || die "TURN_ALLOWED_PEER_IPS: '$peer' is not an address or a range a-b"
  TURN_PEER_EXCEPTIONS+="allowed-peer-ip=$peer"$'\n'
  if [[ "$peer" =~ ^(127\.|::1$) ]]; then TURN_PEER_EXCEPTIONS+="allow-loopback-peers"$'\n'; fi
done
export TURN_PEER_EXCEPTIONS

mkdir -p "$COTURN_RUN_DIR"
config="$COTURN_RUN_DIR/turnserver.conf"
render_template "$ROOT/infra/coturn/turnserver.conf.template" "$config"
if [ "$(id -u)" -eq 0 ] && id turnserver >/dev/null 2>&1; then
  chown -R turnserver "$COTURN_RUN_DIR"
  exec setpriv --reuid=turnserver --regid="$(id -g turnserver)" --init-groups turnserver -c "$config"
fi
exec turnserver -c "$config"
