#!/usr/bin/env bash
# npm run bench: issue 8's benchmark. Starts its own Postgres and Redis on free ports, generates
# the data by SQL into two databases (1M messages / 1M cases, and 10k messages), starts the product
# API and the bare baseline on each, runs interleaved autocannon rounds, the SPA and cold-start
# measurements, prints the table (also bench/results/latest.md) and stops everything it started.
#
# Env: BENCH_SCALE (1 = the issue's sizes; 0.02 for a quick run), BENCH_ONLY (comma list of
# portal, inbox, cases, unread, spa, cold; or `data` to generate only), BENCH_ROUNDS (5), BENCH_SECONDS (5),
# BENCH_DATA_DIR (keep the generated cluster there and reuse it next time with the same scale).
set -uo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
BENCH="$ROOT/bench"

SCALE="${BENCH_SCALE:-1}"
export BENCH_ONLY="${BENCH_ONLY:-}" BENCH_ROUNDS="${BENCH_ROUNDS:-5}" BENCH_SECONDS="${BENCH_SECONDS:-5}"
export BENCH_PASSWORD='Bench-Portico-2026!' STAFF_EMAIL='bench.admin@bench.example' PORTAL_EMAIL='bench.tenant@bench.example'
RARE_WORD="$(node -e "import('./bench/scenarios.mjs').then(m=>console.log(m.RARE_WORD))")"
wanted() { [ -z "$BENCH_ONLY" ] || [[ ",$BENCH_ONLY," == *",$1,"* ]]; }

unset DATABASE_URL REDIS_URL SMTP_URL
ensure_system_packages || exit 1
ensure_pnpm || exit 1
install_packages || exit 1

if [ -n "${BENCH_DATA_DIR:-}" ]; then
  mkdir -p "$BENCH_DATA_DIR"; RUN="$(cd "$BENCH_DATA_DIR" && pwd)"; KEEP=1
else
  RUN="$(mktemp -d /tmp/portico-bench.XXXXXX)"; KEEP=""
fi
chmod 755 "$RUN"  # the postgres user must be able to enter it
mkdir -p "$RUN/out" "$RUN/files"
: > "$RUN/out/phases.tsv"
rm -f "$RUN/out/"{measure,spa,cold,traces}.json
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  stop_redis "$RUN/redis"
  stop_postgres "$RUN/pg"
  if [ -z "$KEEP" ]; then rm -rf "$RUN"; else log "kept $RUN (BENCH_DATA_DIR)"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

STARTED_AT=$(date +%s.%N)
PHASE_AT=$STARTED_AT
# phase NAME: records the seconds since the previous phase ended under NAME.
phase() {
  local now; now=$(date +%s.%N)
  local s; s=$(awk "BEGIN{printf \"%.1f\", $now - $PHASE_AT}")
  printf '%s\t%s\n' "$1" "$s" >> "$RUN/out/phases.tsv"
  log "$1: $s s"
  PHASE_AT=$now
}

# --- build (the compiled server when the api has a build) ----------------------------------
# Built every run (esbuild: seconds), so a stale api/dist is never what gets measured.
if node -e "process.exit(require('./api/package.json').scripts?.build ? 0 : 1)"; then
  log "building the API"
  pnpm -s --filter @portico/api build > "$RUN/out/build.log" 2>&1 || { cat "$RUN/out/build.log" >&2; exit 1; }
fi
if [ -f api/dist/server.mjs ]; then API_CMD=(node --enable-source-maps dist/server.mjs); else API_CMD=(node --import tsx src/server.ts); fi
migrate() {
  if [ -f api/dist/migrate.mjs ]; then (cd api && DATABASE_URL="$1" node dist/migrate.mjs)
  else (cd api && DATABASE_URL="$1" node_modules/.bin/tsx src/db/migrate.ts); fi
}

# --- Postgres and Redis --------------------------------------------------------------------
PG_PORT="$(free_port)"; REDIS_PORT="$(free_port)"
log "starting Postgres :$PG_PORT and Redis :$REDIS_PORT in $RUN"
# A throwaway cluster: no fsync (the measured requests only read); production-sized memory.
start_postgres "$RUN/pg" "$PG_PORT" "-c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200 \
  -c shared_buffers=512MB -c effective_cache_size=4GB -c max_wal_size=8GB -c checkpoint_timeout=30min \
  -c wal_level=minimal -c max_wal_senders=0" || exit 1
start_redis "$RUN/redis" "$REDIS_PORT" || exit 1
PGURL="postgres://postgres@127.0.0.1:$PG_PORT"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
psql_db() {
  local db="$1"; shift
  PGOPTIONS="-c client_min_messages=warning -c jit=off -c synchronous_commit=off -c maintenance_work_mem=1GB -c work_mem=256MB -c max_parallel_maintenance_workers=2" \
    "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"
}
phase "start"

# --- data ----------------------------------------------------------------------------------
PWHASH="$(cd api && node_modules/.bin/tsx ../bench/hash-password.ts "$BENCH_PASSWORD")" || exit 1
count() { node -e "console.log(Math.max($2, Math.round($1 * $SCALE * ${3:-1})))"; }
# load_db NAME FACTOR: migrate and generate one database (FACTOR 1 = BENCH_SCALE's sizes).
load_db() {
  local db="$1" f="$2" ll
  local n t c
  if [ -f "$RUN/out/$db.loaded" ] && [ "$(cat "$RUN/out/$db.loaded")" = "$SCALE" ]; then log "$db: already loaded (scale $SCALE)"; return 0; fi
  PGOPTIONS="-c client_min_messages=warning" "$(pg_bin)/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    -c "drop database if exists $db" || return 1
  create_database "$PG_PORT" "$db"
  migrate "$PGURL/$db" > "$RUN/out/migrate-$db.log" 2>&1 || { cat "$RUN/out/migrate-$db.log" >&2; return 1; }
  psql_db "$db" -f bench/sql/00-helpers.sql -f bench/sql/05-indexes-off.sql || return 1
  phase "$db: migrate"
  for ll in A B; do
    if [ "$ll" = A ]; then
      n=$(count 50000 20 "$f"); t=$(count 250000 50 "$f"); c=$(count 1000000 60 "$f")
      set -- -v ll=A -v country=SE -v locale=sv -v "landlord_name=Bench Fastigheter AB" -v "admin_email=$STAFF_EMAIL" \
        -v "tenant_email=$PORTAL_EMAIL" -v "rare_word=$RARE_WORD"
    else  # a second, smaller landlord (4 %), so that every landlord filter has rows to leave out
      n=$(count 2000 10 "$f"); t=$(count 10000 20 "$f"); c=$(count 40000 20 "$f")
      set -- -v ll=B -v country=DK -v locale=da -v "landlord_name=Bench Ejendomme A/S" -v "admin_email=bench.admin.dk@bench.example" \
        -v "tenant_email=bench.tenant.dk@bench.example" -v "rare_word="
    fi
    echo "$ll $n $t $c" >> "$RUN/out/$db.counts"
    psql_db "$db" "$@" -v "pwhash=$PWHASH" -v "customers=$n" -v "threads=$t" -v "cases=$c" \
      -f bench/sql/10-people.sql -f bench/sql/20-messages.sql -f bench/sql/30-cases.sql || return 1
    phase "$db: landlord $ll ($n customers, $t threads, $c cases)"
  done
  psql_db "$db" -f bench/sql/60-indexes-on.sql || return 1
  phase "$db: keys and indexes"
  local d
  for d in bench/derive/*.sql; do
    [ -f "$d" ] || continue
    psql_db "$db" -f "$d" || { log "$d failed on $db"; return 1; }
    phase "$db: derive $(basename "$d")"
  done
  # The consistency check reads every message: on the small database only (same generator).
  if [ "$f" != 1 ]; then psql_db "$db" -c "set bench.rare_word = '$RARE_WORD'" -f bench/sql/90-check.sql || return 1; fi
  psql_db "$db" -f bench/sql/99-finish.sql || return 1
  psql_db "$db" -c "vacuum (analyze)" || return 1
  phase "$db: check, vacuum, analyze"
  echo "$SCALE" > "$RUN/out/$db.loaded"
}
rm -f "$RUN/out/"*.counts
load_db bench_small 0.01 || exit 1
load_db bench_big 1 || exit 1
DATA="$("$(pg_bin)/psql" -X -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench_big -c \
  "select format('%s customers, %s threads, %s messages, %s cases (two landlords); 10k database: ', \
     (select count(*) from customers), (select count(*) from threads), (select count(*) from messages), (select count(*) from cases))")"
DATA="$DATA$("$(pg_bin)/psql" -X -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench_small -c \
  "select format('%s messages, %s cases', (select count(*) from messages), (select count(*) from cases))")"
log "$DATA"
if [ "$BENCH_ONLY" = data ]; then log "BENCH_ONLY=data: generated, not measured"; exit 0; fi

# --- servers -------------------------------------------------------------------------------
JWT_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")"
# start_api NAME DB PORT [VAR=value…]: the product API, configured as in production.
start_api() {
  local name="$1" db="$2" port="$3"; shift 3
  (cd api && exec env NODE_ENV=production HOST=127.0.0.1 PORT="$port" LOG_LEVEL=warn DATABASE_URL="$PGURL/$db" \
    REDIS_URL="$REDIS_URL" REDIS_PREFIX="bench-$name" SMTP_URL="smtp://127.0.0.1:9" EID_CLIENT_SECRET="bench-eid-secret" \
    JWT_SECRET="$JWT_SECRET" COOKIE_SECURE=false TENANT_WEB_URL="http://localhost:$port" ADMIN_WEB_URL="http://localhost:$port" \
    FILES_DIR="$RUN/files" AUTH_RATE_LIMIT=100000 "$@" "${API_CMD[@]}") > "$RUN/out/$name.log" 2>&1 &
  PIDS+=($!)
}
start_baseline() {
  local name="$1" db="$2" port="$3" scenario_db="$4"
  (exec env DATABASE_URL="$PGURL/$db" PORT="$port" TRACES="$RUN/out/traces.json" SCENARIO_DB="$scenario_db" node bench/baseline.mjs) \
    > "$RUN/out/$name.log" 2>&1 &
  PIDS+=($!)
}
wait_or_die() { wait_http "$1" 90 || { tail -n 30 "$RUN/out/$2.log" >&2; exit 1; }; }

# The measured product servers (tracing off) and, apart from them, one product instance per database
# with SQL_TRACE_FILE that answers each scenario's request once, so the baseline can replay its SQL.
PB="$(free_port)"; PS="$(free_port)"; T1="$(free_port)"; T2="$(free_port)"
rm -f "$RUN/out/"trace-*.jsonl
start_api product-big bench_big "$PB"
start_api product-small bench_small "$PS"
start_api trace-big bench_big "$T1" SQL_TRACE_FILE="$RUN/out/trace-big.jsonl"
TRACE_PIDS=("${PIDS[-1]}")
start_api trace-small bench_small "$T2" SQL_TRACE_FILE="$RUN/out/trace-small.jsonl"
TRACE_PIDS+=("${PIDS[-1]}")
for name in trace-big:$T1 trace-small:$T2 product-big:$PB product-small:$PS; do
  wait_or_die "http://127.0.0.1:${name#*:}/api/health/ready" "${name%%:*}"
done
TRACE_API_URL="http://127.0.0.1:$T1" TRACE_SMALL_API_URL="http://127.0.0.1:$T2" SQL_TRACE_FILE="$RUN/out/trace-big.jsonl" \
  SQL_TRACE_SMALL_FILE="$RUN/out/trace-small.jsonl" TRACES_OUT="$RUN/out/traces.json" node bench/capture.mjs || exit 1
kill "${TRACE_PIDS[@]}" 2>/dev/null; wait "${TRACE_PIDS[@]}" 2>/dev/null

# The baselines replay the captured SQL.
BB="$(free_port)"; BS="$(free_port)"
start_baseline baseline-big bench_big "$BB" big
start_baseline baseline-small bench_small "$BS" small
wait_or_die "http://127.0.0.1:$BB/health" baseline-big
wait_or_die "http://127.0.0.1:$BS/health" baseline-small
phase "servers and SQL capture"

# --- rounds --------------------------------------------------------------------------------
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
PRODUCT_URL="http://127.0.0.1:$PB" BASELINE_URL="http://127.0.0.1:$BB" PRODUCT_SMALL_URL="http://127.0.0.1:$PS" \
  BASELINE_SMALL_URL="http://127.0.0.1:$BS" TRACES="$RUN/out/traces.json" MEASURE_OUT="$RUN/out/measure.json" \
  node bench/measure.mjs || exit 1
phase "rounds"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

# --- SPA sizes and LCP; cold start (scripts of their own; n/a until they exist) ------------
if wanted spa; then
  if [ -f bench/spa.mjs ]; then
    if pnpm -s --filter @portico/tenant-web --filter @portico/admin-web build > "$RUN/out/spa-build.log" 2>&1; then
      API_URL="http://127.0.0.1:$PB" PORTAL_PASSWORD="$BENCH_PASSWORD" RUNS="${BENCH_SPA_RUNS:-3}" node bench/spa.mjs > "$RUN/out/spa.raw" 2> "$RUN/out/spa.log" || true
      tail -n 1 "$RUN/out/spa.raw" > "$RUN/out/spa.json"
      node -e "JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'))" "$RUN/out/spa.json" 2>/dev/null ||
        { tail -n 20 "$RUN/out/spa.log" >&2; echo '{"missing":"bench/spa.mjs failed; see its log"}' > "$RUN/out/spa.json"; }
    else
      tail -n 20 "$RUN/out/spa-build.log" >&2; echo '{"missing":"SPA build failed"}' > "$RUN/out/spa.json"
    fi
  else
    echo '{"missing":"bench/spa.mjs missing"}' > "$RUN/out/spa.json"
  fi
  phase "SPA"
fi
if wanted cold; then
  if [ -f bench/cold-start.mjs ] && [ -f api/dist/server.mjs ]; then
    env NODE_ENV=production HOST=127.0.0.1 PORT="$(free_port)" LOG_LEVEL=warn DATABASE_URL="$PGURL/bench_big" REDIS_URL="$REDIS_URL" \
      REDIS_PREFIX=bench-cold SMTP_URL="smtp://127.0.0.1:9" EID_CLIENT_SECRET="bench-eid-secret" JWT_SECRET="$JWT_SECRET" \
      COOKIE_SECURE=false FILES_DIR="$RUN/files" node bench/cold-start.mjs --runs "${BENCH_COLD_RUNS:-3}" > "$RUN/out/cold.raw" 2> "$RUN/out/cold.log" || true
    tail -n 1 "$RUN/out/cold.raw" > "$RUN/out/cold.json"
    node -e "JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'))" "$RUN/out/cold.json" 2>/dev/null ||
      { tail -n 20 "$RUN/out/cold.log" >&2; echo '{"missing":"bench/cold-start.mjs failed; see its log"}' > "$RUN/out/cold.json"; }
  elif [ -f bench/cold-start.mjs ]; then
    echo '{"missing":"api/dist/server.mjs missing"}' > "$RUN/out/cold.json"
  else
    echo '{"missing":"bench/cold-start.mjs missing"}' > "$RUN/out/cold.json"
  fi
  phase "cold start"
fi

printf 'total\t%s\n' "$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $STARTED_AT}")" >> "$RUN/out/phases.tsv"
META="$(node -e "console.log(JSON.stringify({commit: process.argv[1], date: new Date().toISOString().slice(0,16).replace('T',' ')+' UTC',
  machine: require('os').cpus().length + ' cores, Node ' + process.version + ', Postgres ' + process.argv[2], data: process.argv[3],
  loadBefore: process.argv[4], loadAfter: process.argv[5]}))" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$("$(pg_bin)/postgres" --version | awk '{print $3}')" \
  "$DATA (scale $SCALE)" "${LOAD_BEFORE:-?}" "${LOAD_AFTER:-?}")"
MEASURE_OUT="$RUN/out/measure.json" SPA_OUT="$RUN/out/spa.json" COLD_OUT="$RUN/out/cold.json" PHASES="$RUN/out/phases.tsv" \
  BENCH_META="$META" node bench/report.mjs
