#!/usr/bin/env bash
# Fault injection (not part of npm test; about 4–6 minutes): 1,000 notifications while the worker
# is killed (SIGKILL) and restarted again and again, Redis is killed and restarted EMPTY (twice),
# Postgres is stopped hard and restarted, and the SMTP catcher is down for a minute. Everything
# runs privately on free ports. Ends with "intended N / delivered N / lost N / duplicated N"
# (distinct Message-IDs at the catcher against outbox rows) and exits 1 on any loss.
#   FAULT_COUNT=1000 FAULT_KEEP=1 scripts/fault-injection.sh   (FAULT_KEEP keeps the logs)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

unset DATABASE_URL REDIS_URL SMTP_URL
ensure_system_packages || exit 1
[ -x api/node_modules/.bin/tsx ] || { ensure_pnpm && install_packages; } || exit 1
# The worker and migrate run compiled, as in production; the catcher and the producer are dev tools (tsx).
log "building the API"
(cd api && node build.mjs) >/dev/null || exit 1
TSX="$ROOT/api/node_modules/.bin/tsx"
NODE_DIST=(node --enable-source-maps)
COUNT="${FAULT_COUNT:-1000}"
PRODUCE_SECONDS=100

RUN="$(mktemp -d /tmp/portico-fault.XXXXXX)"
chmod 755 "$RUN"  # the postgres user must be able to enter it
MAILBOX="$RUN/mailbox.jsonl"; : > "$MAILBOX"
INTENDED="$RUN/intended.txt"; : > "$INTENDED"
WORKER_PID=""; CATCHER_PID=""; PRODUCER_PID=""
cleanup() {
  [ -n "$WORKER_PID" ] && kill -9 -- -"$WORKER_PID" 2>/dev/null
  [ -n "$CATCHER_PID" ] && kill -9 -- -"$CATCHER_PID" 2>/dev/null
  [ -n "$PRODUCER_PID" ] && kill -9 -- -"$PRODUCER_PID" 2>/dev/null
  wait 2>/dev/null
  stop_redis "$RUN/redis"
  stop_postgres "$RUN/pg"
  if [ -n "${FAULT_KEEP:-}" ]; then log "logs kept in $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"; REDIS_PORT="$(free_port)"; SMTP_PORT="$(free_port)"; CATCHER_PORT="$(free_port)"; HEALTH_PORT="$(free_port)"
log "private Postgres :$PG_PORT, Redis :$REDIS_PORT, catcher :$SMTP_PORT/:$CATCHER_PORT"
# Durable commits (no synchronous_commit=off): Postgres is stopped hard mid-run, and an
# acknowledged notification must survive that like in production.
PG_OPTS=""
start_postgres "$RUN/pg" "$PG_PORT" "$PG_OPTS" || exit 1
start_redis "$RUN/redis" "$REDIS_PORT" || exit 1
create_database "$PG_PORT" portico_fault

export NODE_ENV=test LOG_LEVEL=warn
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/portico_fault"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT" REDIS_PREFIX=fault
export SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" SMS_GATEWAY_URL="http://127.0.0.1:$CATCHER_PORT/a1/sms"
export FILES_DIR="$RUN/files"
# The production schedule shrunk to fit the run: 0.5 s doubling to a 5 s cap, 40 tries (about
# 3 minutes, the "day" of this run), a 15 s lease before the reconciler looks at a handed-over row.
export NOTIFY_BACKOFF_MS=500 NOTIFY_BACKOFF_MAX_MS=5000 NOTIFY_ATTEMPTS=40 OUTBOX_LEASE_MS=15000 RELAY_INTERVAL_MS=200
export WORKER_HEALTH_PORT="$HEALTH_PORT"

log "migrating"
"${NODE_DIST[@]}" api/dist/migrate.mjs >/dev/null || exit 1

# setsid: each runs in its own process group, so a kill reaches tsx's node child too (catcher, producer).
# info: the worker's start-up line ("running after N s", read at the end) is an info line (JSON, api/src/log.ts).
start_worker() { LOG_LEVEL=info setsid "${NODE_DIST[@]}" api/dist/worker.mjs >> "$RUN/worker.log" 2>&1 & WORKER_PID=$!; }
kill_worker() { kill -9 -- -"$WORKER_PID" 2>/dev/null; wait "$WORKER_PID" 2>/dev/null; WORKER_PID=""; }
start_catcher() {
  CATCHER_SMTP_PORT="$SMTP_PORT" CATCHER_HTTP_PORT="$CATCHER_PORT" CATCHER_MAILBOX_FILE="$MAILBOX" \
    setsid "$TSX" api/src/dev/catcher.ts >> "$RUN/catcher.log" 2>&1 & CATCHER_PID=$!
  wait_http "http://127.0.0.1:$CATCHER_PORT/api/mails" 30
}
kill_catcher() { kill -9 -- -"$CATCHER_PID" 2>/dev/null; wait "$CATCHER_PID" 2>/dev/null; CATCHER_PID=""; }
received() { wc -l < "$MAILBOX"; }
pending() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select count(*) from outbox where status = 'pending'" portico_fault 2>/dev/null; }
START=0
at() { # at SECONDS: sleep until that many seconds after the producer started
  local wait=$(( START + $1 - $(date +%s) )); [ "$wait" -gt 0 ] && sleep "$wait"; return 0
}
say() { log "t+$(( $(date +%s) - START ))s: $*"; }

# restart_worker: SIGKILL, start again, and (with SMTP up) time the first delivery after it.
restart_worker() {
  kill_worker
  local before t0; before="$(received)"; t0="$(date +%s%N)"
  start_worker
  if [ "${1:-}" = "measure" ]; then
    local i
    for i in $(seq 1 60); do
      [ "$(received)" -gt "$before" ] && { say "worker killed and restarted; next delivery after $(( ($(date +%s%N) - t0) / 1000000 )) ms"; return; }
      sleep 0.5
    done
    say "worker killed and restarted; no delivery within 30 s"
  else
    say "worker killed (SIGKILL) and restarted"
  fi
}

restart_redis_empty() {
  kill -9 "$(cat "$RUN/redis/redis.pid")" 2>/dev/null; rm -f "$RUN/redis/redis.pid"; sleep 2
  start_redis "$RUN/redis" "$REDIS_PORT" && say "Redis killed and restarted EMPTY"
}

start_catcher || exit 1
start_worker
wait_http "http://127.0.0.1:$HEALTH_PORT/live" 60 || exit 1
log "worker live; producing $COUNT notifications over $PRODUCE_SECONDS s while faults are injected"

START="$(date +%s)"
setsid "$TSX" api/src/dev/fault-injection.ts produce "$COUNT" "$PRODUCE_SECONDS" "$INTENDED" > "$RUN/producer.log" 2>&1 & PRODUCER_PID=$!

at 6;   restart_worker measure
at 14;  restart_worker measure
at 22;  restart_redis_empty
at 28;  restart_worker
at 35;  as_pg "$(pg_bin)/pg_ctl" -D "$RUN/pg" -m immediate -w stop >/dev/null 2>&1; say "Postgres stopped hard"
        sleep 3; start_postgres "$RUN/pg" "$PG_PORT" "$PG_OPTS" && say "Postgres started again"
at 45;  kill_catcher; say "SMTP catcher down (for 60 s)"
at 55;  restart_worker
at 70;  restart_redis_empty
at 80;  restart_worker
at 95;  restart_worker
at 105; start_catcher && say "SMTP catcher up again"
at 112; restart_worker measure

wait "$PRODUCER_PID"; PRODUCER_PID=""
say "$(cat "$RUN/producer.log")"
log "waiting until every outbox row is settled (at most 200 s)"
for i in $(seq 1 100); do
  p="$(pending)"
  [ "$p" = "0" ] && break
  [ $((i % 5)) -eq 1 ] && say "$p rows pending, $(received) e-mails received"
  sleep 2
done
# A last moment for a resend in flight to land before counting.
sleep 2
say "settled; counting"
kill_worker
"$TSX" api/src/dev/fault-injection.ts report "$MAILBOX" "$INTENDED"
STATUS=$?
log "worker log: $(grep -c 'reconciler: handed' "$RUN/worker.log") reconciler hand-overs; $(grep -ci 'unhandled' "$RUN/worker.log") unhandled errors"
log "worker start-up times (compiled): $(grep -o 'running after [0-9.]* s' "$RUN/worker.log" | cut -d' ' -f3 | paste -sd' ') s"
exit $STATUS
