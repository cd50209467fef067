#!/usr/bin/env bash
# `npm test`: the same preparation as `npm run up` (no running api needed), then type check, lint and the suite.
# Extra arguments go to Jest, e.g. `npm test -- sip-users`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare
apt_install sip-tester chromium baresip-core supervisor # SIPp, a real browser and a real softphone: the clients of
# the edge tests; supervisord for the supervision tests (npm run up installs it too)
cd "$ROOT"
log "type check"
npx --no-install tsc --noEmit -p tsconfig.json
npx --no-install tsc --noEmit -p libs/browser-sdk/tsconfig.json # browser code: DOM types, no Node types
npx --no-install tsc --noEmit -p apps/dashboard/tsconfig.json
log "lint"
npx --no-install eslint --max-warnings 0 .
npx --no-install prettier --check . >/dev/null || die "formatting: run npm run format"
log "browser bundles" # the browser and dashboard tests load them from the API
npm run --silent build:sdk
npm run --silent build:dashboard >/dev/null
log "tests"
npx --no-install jest --ci "$@"
