#!/usr/bin/env bash
# Shared steps of `npm run up` and `npm test`. Each step checks first and only acts when something is
# missing, so running them again (or while the other command's processes run) is safe.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.run"
mkdir -p "$RUN_DIR/logs"

log() { printf '\033[1;34m[callwire]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[callwire]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "root is needed for: $* (run as root or install sudo)"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else sudo -u postgres "$@"; fi
}

# Is something accepting TCP connections on host:port? (bash built-in, no client tools needed)
tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_tcp() { # host port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do tcp_open "$1" "$2" && return 0; sleep 0.1; done
  return 1
}

APT_UPDATED=0
# Installs the Debian packages of the list that are not installed yet.
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq)
  if [ "$APT_UPDATED" -eq 0 ]; then as_root "${apt[@]}" update; APT_UPDATED=1; fi
  as_root "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
}

random_secret() { node -e 'process.stdout.write(require("crypto").randomBytes(Number(process.argv[1])).toString("base64url"))' "$1"; }

# Creates .env from .env.example on first run, adds settings that newer versions introduced, and fills
# in generated secrets.
ensure_env_file() {
  local env_file="$ROOT/.env" line key
  if [ ! -f "$env_file" ]; then
    cp "$ROOT/.env.example" "$env_file"
    chmod 600 "$env_file"
    sed -i "s#^DATABASE_URL=postgresql://callwire:@#DATABASE_URL=postgresql://callwire:$(random_secret 18)@#" "$env_file"
    log "created .env"
  fi
  while IFS= read -r line; do
    [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || continue
    key="${line%%=*}"
    grep -q "^$key=" "$env_file" || { echo "$line" >> "$env_file"; log "added $key to .env"; }
  done < "$ROOT/.env.example"
  local secret
  for secret in ADMIN_API_KEY EDGE_AUTH_SECRET EDGE_API_TOKEN EDGE_RPC_TOKEN CLIENT_TOKEN_SECRET TURN_SECRET WEBHOOK_ENCRYPTION_KEY SIP_TRACE_AUTH_KEY METRICS_TOKEN; do
    if grep -q "^$secret=\$" "$env_file"; then
      local value
      value="$(random_secret 32)"
      [ "$secret" = ADMIN_API_KEY ] && value="cwadmin_$value"
      sed -i "s#^$secret=\$#$secret=$value#" "$env_file"
      log "generated $secret in .env"
    fi
  done
}

# Exports .env entries that the environment does not already set (the environment wins, as with dotenv).
load_env() {
  local line key
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || continue
    key="${line%%=*}"
    [ -n "${!key+x}" ] || export "$line"
  done < "$ROOT/.env"
}

# Prints one part of a URL: url_part <url> <hostname|port|username|password|database>
url_part() {
  node -e '
    const u = new URL(process.argv[1]); const part = process.argv[2];
    const value = part === "database" ? u.pathname.slice(1) : part === "port" ? (u.port || (u.protocol.startsWith("postgres") ? "5432" : "6379")) : u[part];
    process.stdout.write(decodeURIComponent(value));' "$1" "$2"
}

# npm dependencies, reinstalled only when package-lock.json changed. `npm install --no-save` rather than
# `npm ci`: the lockfile cannot list other platforms' optional binaries (@swc/core-*, msgpackr-extract-*)
# when the registry mirror does not carry them, and `npm ci` refuses such a lockfile.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.callwire-lock" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing npm dependencies"
    (cd "$ROOT" && npm install --no-save --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
}

# Writes <template> to <file> (owner-only) with each ${NAME} replaced by that environment variable.
render_template() {
  (umask 077 && node -e '
    const fs = require("fs");
    const text = fs.readFileSync(process.argv[1], "utf8").replace(/\$\{(\w+)\}/g, (_, name) => process.env[name] ?? "");
    fs.writeFileSync(process.argv[2], text);' "$1" "$2")
}

is_local_host() { case "$1" in localhost | 127.* | ::1) return 0 ;; *) return 1 ;; esac; }

ensure_postgres() {
  local host port
  host="$(url_part "$DATABASE_URL" hostname)"; port="$(url_part "$DATABASE_URL" port)"
  tcp_open "$host" "$port" && return 0
  is_local_host "$host" || die "PostgreSQL at $host:$port is not reachable (DATABASE_URL)"
  apt_install postgresql postgresql-client
  log "starting PostgreSQL"
  local version
  for version in $(ls /etc/postgresql); do
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  done
  wait_for_tcp "$host" "$port" 30 || die "PostgreSQL did not start on $host:$port"
}

ensure_redis() {
  local host port
  host="$(url_part "$REDIS_URL" hostname)"; port="$(url_part "$REDIS_URL" port)"
  tcp_open "$host" "$port" && return 0
  is_local_host "$host" || die "Redis at $host:$port is not reachable (REDIS_URL)"
  apt_install redis-server
  log "starting Redis on $host:$port (append-only persistence in .run/redis)"
  mkdir -p "$RUN_DIR/redis"
  redis-server "$ROOT/infra/redis/redis.conf" --port "$port" --bind "$host" \
    --dir "$RUN_DIR/redis" --logfile "$RUN_DIR/logs/redis.log" --daemonize yes
  wait_for_tcp "$host" "$port" 15 || die "Redis did not start on $host:$port"
}

# The role and database named in DATABASE_URL; the role may create databases (test runs, migration shadow DB).
ensure_database() {
  command -v psql >/dev/null || apt_install postgresql-client
  if psql "$DATABASE_URL" -qAtc 'SELECT 1' >/dev/null 2>&1; then
    psql "$DATABASE_URL" -qAtc "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" | grep -q t && return 0
  fi
  local host user password database
  host="$(url_part "$DATABASE_URL" hostname)"
  is_local_host "$host" || die "cannot connect with DATABASE_URL; create its role and database on $host first"
  user="$(url_part "$DATABASE_URL" username)"; password="$(url_part "$DATABASE_URL" password)"
  database="$(url_part "$DATABASE_URL" database)"
  log "creating PostgreSQL role $user and database $database"
  as_postgres psql -qX -v ON_ERROR_STOP=1 -v user="$user" -v password="$password" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password') \gexec
SQL
  as_postgres psql -qX -v ON_ERROR_STOP=1 -v user="$user" -v database="$database" <<'SQL' >/dev/null
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'user')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL
  psql "$DATABASE_URL" -qAtc 'SELECT 1' >/dev/null || die "still cannot connect with DATABASE_URL"
}

# The Prisma CLI's schema engine runs as WASM here; these keep it from downloading engine binaries.
prisma() {
  (cd "$ROOT" && CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 \
    PRISMA_QUERY_ENGINE_LIBRARY="$ROOT/package.json" npx --no-install prisma "$@")
}

# Regenerates the Prisma client when schema.prisma changed.
ensure_prisma_client() {
  local stamp="$ROOT/libs/database/src/generated/.schema-hash" want
  want="$(sha256sum "$ROOT/prisma/schema.prisma" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "generating the Prisma client"
    prisma generate >/dev/null
    echo "$want" > "$stamp"
  fi
}

migrate_database() {
  log "applying database migrations"
  prisma migrate deploy >/dev/null
}

# The SIP edge: Kamailio with the modules its configuration loads (Debian packages), and openssl for the
# self-signed certificate; rtpengine (WebRTC media gateway) and coturn (TURN) for browsers.
ensure_sip_edge() {
  local had_media=1
  dpkg-query -W -f='${Status}' rtpengine-daemon coturn 2>/dev/null | grep -vq 'not-installed' || had_media=0
  apt_install kamailio kamailio-postgres-modules kamailio-tls-modules kamailio-websocket-modules \
    kamailio-json-modules kamailio-autheph-modules kamailio-redis-modules kamailio-utils-modules kamailio-extra-modules openssl \
    rtpengine-daemon coturn
  # Callwire runs its own rtpengine and coturn with generated settings: the packages' own services would
  # take the same ports, so they are switched off when this setup installed them.
  if [ "$had_media" -eq 0 ] && [ -d /run/systemd/system ]; then
    as_root systemctl disable --now rtpengine-daemon coturn >/dev/null 2>&1 || true
  fi
}

# Everything both commands need, serialised so that `up` and `test` can run at the same time.
prepare() {
  exec 9>"$RUN_DIR/prepare.lock"
  flock 9
  command -v node >/dev/null || die "Node.js 20+ is required"
  ensure_node_modules
  ensure_env_file
  load_env
  ensure_postgres
  ensure_redis
  ensure_sip_edge
  ensure_database
  ensure_prisma_client
  migrate_database
  flock -u 9
}
