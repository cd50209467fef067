#!/usr/bin/env bash
# The platform's processes run under supervisord (infra/scripts/supervisor.sh). stop_process stops one that an
# `npm run up` from before supervision started (tracked by a pid file in .run/).

pid_file() { echo "$RUN_DIR/$1.pid"; }

is_running() {
  local pid
  pid="$(cat "$(pid_file "$1")" 2>/dev/null)" || return 1
  kill -0 "$pid" 2>/dev/null
}

stop_process() { # name
  local file pid i
  file="$(pid_file "$1")"
  is_running "$1" || { rm -f "$file"; return 0; }
  pid="$(cat "$file")"
  log "stopping $1 (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$file"
}

# The supervisor's state of a program: RUNNING, STARTING, BACKOFF, FATAL, …
supervised_state() {
  supervisorctl --configuration "$RUN_DIR/supervisor/supervisord.conf" status "$1" 2>/dev/null | awk '{print $2}'
}

wait_for_running() { # name seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do [ "$(supervised_state "$1")" = RUNNING ] && return 0; sleep 0.1; done
  return 1
}

wait_for_http() { # name url seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    curl -fs -o /dev/null "$2" && return 0
    [ "$(supervised_state "$1")" = FATAL ] && break
    sleep 0.1
  done
  tail -n 30 "$RUN_DIR/logs/$1.log" >&2 || true
  die "$1 did not become healthy at $2"
}
