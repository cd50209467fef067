#!/usr/bin/env bash
# The platform's processes (rtpengine, coturn, api, worker, Kamailio) under supervisord, which restarts any of
# them that exits or is killed. `supervisor.sh start` (re)writes the configuration and starts a fresh
# supervisord (stopping a running one first, so that it and its processes take the current settings);
# `supervisor.sh stop` stops it and everything it runs; `supervisor.sh status` lists the processes.
# SUPERVISOR_DIR (default .run/supervisor) holds the configuration, pid file and owner-only control socket;
# logs go to CALLWIRE_LOG_DIR (default .run/logs). CALLWIRE_API_COMMAND / CALLWIRE_WORKER_COMMAND start the
# api and worker (default: the built ones in dist/).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export ROOT SUPERVISOR_DIR="${SUPERVISOR_DIR:-$RUN_DIR/supervisor}" LOG_DIR="${CALLWIRE_LOG_DIR:-$RUN_DIR/logs}"
export API_COMMAND="${CALLWIRE_API_COMMAND:-node $ROOT/dist/apps/api/src/main.js}"
export WORKER_COMMAND="${CALLWIRE_WORKER_COMMAND:-node $ROOT/dist/apps/worker/src/main.js}"
config="$SUPERVISOR_DIR/supervisord.conf"
pid_file="$SUPERVISOR_DIR/supervisord.pid"

ctl() { supervisorctl --configuration "$config" "$@"; }

supervisor_pid() {
  local pid
  pid="$(cat "$pid_file" 2>/dev/null)" && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop_supervisor() {
  local pid i
  pid="$(supervisor_pid)" || return 0
  log "stopping supervisord (pid $pid) and the processes it runs"
  # shutdown stops every program (SIGTERM to its process group, SIGKILL after stopwaitsecs), then exits.
  ctl shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 700; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  die "supervisord (pid $pid) did not stop"
}

start_supervisor() {
  local i
  command -v supervisord >/dev/null || die "supervisord is missing (Debian package supervisor)"
  stop_supervisor
  mkdir -p "$SUPERVISOR_DIR" "$LOG_DIR"
  chmod 700 "$SUPERVISOR_DIR"
  render_template "$ROOT/infra/supervisor/supervisord.conf.template" "$config"
  # On a systemd machine: a unit that runs this same supervisord (README "Operations").
  if [ -d /run/systemd/system ]; then
    render_template "$ROOT/infra/supervisor/callwire.service.template" "$SUPERVISOR_DIR/callwire.service"
  fi
  # Its own session and no inherited stdio: supervisord outlives this script and holds none of its pipes.
  (cd "$ROOT" && exec setsid supervisord --configuration "$config" </dev/null >/dev/null 2>&1) || die "supervisord did not start (see $LOG_DIR/supervisord.log)"
  for ((i = 0; i < 100; i++)); do ctl pid >/dev/null 2>&1 && break; sleep 0.1; done
  log "started supervisord (pid $(supervisor_pid || echo '?'), config: $config)"
}

case "${1:-}" in
  start) start_supervisor ;;
  stop) stop_supervisor ;;
  status) ctl status ;;
  *) die "usage: supervisor.sh start|stop|status" ;;
esac
