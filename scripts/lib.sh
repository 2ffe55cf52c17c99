# Shared by start.sh and test.sh: install what is missing, start private Postgres/Redis.
# Sourced, not run. Works as root (CI, fresh Debian) and as a normal user with sudo.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"

log() { printf '\033[1;34m[portico]\033[0m %s\n' "$*" >&2; }

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
  return 1
}

apt_install() {
  local missing=("$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || { log "please install: ${missing[*]}"; return 1; }
  log "installing ${missing[*]} (apt)"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_system_packages [browser]: Postgres and Redis always; Chromium when asked.
ensure_system_packages() {
  local want=()
  if [ -z "${DATABASE_URL:-}" ] && ! pg_bin >/dev/null; then want+=(postgresql); fi
  if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null 2>&1; then want+=(redis-server); fi
  if [ "${1:-}" = "browser" ] && [ ! -x /usr/bin/chromium ]; then want+=(chromium); fi
  apt_install "${want[@]}"
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "10" ]; then
    log "installing pnpm 10 (npm i -g)"
    npm install -g pnpm@10 >/dev/null 2>&1 || $SUDO npm install -g pnpm@10 >/dev/null
  fi
}

install_packages() {
  log "installing packages (pnpm install)"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent) || return 1
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# As root Postgres must run as the postgres OS user; otherwise as ourselves.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The Postgres data folder for DIR/pg. As root, Postgres runs as the postgres user, who cannot
# enter a checkout under /root or a private temp folder; then the data lives in /var/lib/portico
# and DIR/pg is a link to it, so it is still "under .data/" for the person using it.
pg_data_dir() {
  local dir="$1"
  if [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$dir" 2>/dev/null; then echo "$dir/pg"; return; fi
  local real="/var/lib/portico/$(printf '%s' "$dir" | sha256sum | cut -c1-16)/pg"
  mkdir -p "$(dirname "$real")"
  [ -L "$dir/pg" ] || { rm -rf "$dir/pg"; ln -s "$real" "$dir/pg"; }
  echo "$real"
}

# start_postgres DIR PORT [extra postgres options]: init once, start, wait.
start_postgres() {
  local dir="$1" port="$2" extra="${3:-}" bin
  bin="$(pg_bin)" || { log "postgres not found"; return 1; }
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null || return 1
  fi
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $extra" start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
}

stop_postgres() {
  local dir="$1" bin
  bin="$(pg_bin)" || return 0
  [ -f "$dir/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

create_database() {
  local port="$1" name="$2"
  "$(pg_bin)/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$name'" | grep -q 1 ||
    "$(pg_bin)/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "create database $name" >/dev/null
}

# start_redis DIR PORT: a private, non-persistent Redis.
start_redis() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log" >/dev/null
  local i
  for i in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  log "redis did not start"; return 1
}

stop_redis() {
  local dir="$1"
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null
  return 0
}

# wait_http URL [seconds]
wait_http() {
  local url="$1" secs="${2:-60}" i
  for i in $(seq 1 $((secs * 5))); do
    node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$url" && return 0
    sleep 0.2
  done
  log "timed out waiting for $url"; return 1
}
