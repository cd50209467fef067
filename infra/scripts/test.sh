#!/usr/bin/env bash
# `npm test`: the same preparation as `npm run up` (no running api needed), then type check, lint and the suite.
# Extra arguments go to Jest, e.g. `npm test -- sip-users`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare
apt_install sip-tester # SIPp: the SIP client of the edge tests
cd "$ROOT"
log "type check"
npx --no-install tsc --noEmit -p tsconfig.json
log "lint"
npx --no-install eslint --max-warnings 0 .
npx --no-install prettier --check . >/dev/null || die "formatting: run npm run format"
log "tests"
npx --no-install jest --ci "$@"
