#!/usr/bin/env bash
# `npm run down`: stop the api, worker, SIP edge and media servers started by `npm run up` (PostgreSQL and
# Redis keep running).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/processes.sh"
bash "$ROOT/infra/scripts/supervisor.sh" stop
# Processes started by an `npm run up` from before supervision.
for name in kamailio coturn rtpengine worker api; do stop_process "$name"; done
log "stopped"
