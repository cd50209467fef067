#!/usr/bin/env bash
# `npm run down`: stop the api, worker, SIP edge and media servers started by `npm run up` (PostgreSQL and
# Redis keep running).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/processes.sh"
stop_process kamailio
stop_process coturn
stop_process rtpengine
stop_process worker
stop_process api
log "stopped"
