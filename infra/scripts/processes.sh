#!/usr/bin/env bash
# Start/stop of the platform's own processes (api, worker), tracked by pid files in .run/.

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

start_process() { # name command...
  local name="$1"; shift
  local logfile="$RUN_DIR/logs/$name.log"
  # A new session, and no inherited stdio: the process outlives this script and holds none of its pipes.
  (cd "$ROOT" && exec setsid "$@" >>"$logfile" 2>&1 </dev/null) >/dev/null 2>&1 </dev/null &
  echo $! > "$(pid_file "$name")"
  log "started $name (pid $!, log: .run/logs/$name.log)"
}

wait_for_http() { # name url seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    curl -fs -o /dev/null "$2" && return 0
    is_running "$1" || break
    sleep 0.1
  done
  tail -n 30 "$RUN_DIR/logs/$1.log" >&2 || true
  die "$1 did not become healthy at $2"
}
