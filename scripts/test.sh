#!/usr/bin/env bash
# npm test: install what is missing, start private Postgres, Redis, mail/SMS catcher on free
# ports, run typecheck, lint, unit, API, delivery and browser tests, stop everything, and end
# with one line "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

unset DATABASE_URL REDIS_URL SMTP_URL
ensure_system_packages browser || exit 1
ensure_pnpm || exit 1
install_packages || exit 1

RUN="$(mktemp -d /tmp/portico-test.XXXXXX)"
chmod 755 "$RUN"  # the postgres user must be able to enter it
REPORTS="$RUN/reports"; mkdir -p "$REPORTS"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  stop_redis "$RUN/redis"
  stop_postgres "$RUN/pg"
  rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# check NAME COMMAND...: a whole command counted as one passed or failed check.
check() {
  local name="$1"; shift
  log "$name"
  if "$@"; then echo "{\"name\":\"$name\",\"passed\":1,\"failed\":0}" > "$REPORTS/$name.check.json"
  else echo "{\"name\":\"$name\",\"passed\":0,\"failed\":1}" > "$REPORTS/$name.check.json"; fi
}

check typecheck pnpm -s typecheck
check lint pnpm -s lint

PG_PORT="$(free_port)"; REDIS_PORT="$(free_port)"; SMTP_PORT="$(free_port)"; CATCHER_PORT="$(free_port)"; S3_PORT="$(free_port)"
log "starting Postgres :$PG_PORT, Redis :$REDIS_PORT, catcher :$SMTP_PORT/:$CATCHER_PORT"
start_postgres "$RUN/pg" "$PG_PORT" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" || exit 1
start_redis "$RUN/redis" "$REDIS_PORT" || exit 1
create_database "$PG_PORT" portico_test
create_database "$PG_PORT" portico_e2e
# The multi-instance test (e2e/src/multi-instance.spec.ts) runs its own API and worker processes on this one.
create_database "$PG_PORT" portico_multi

export PG_ADMIN_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
export CATCHER_URL="http://127.0.0.1:$CATCHER_PORT"
export SMS_GATEWAY_URL="$CATCHER_URL/a1/sms"
export FILES_DIR="$RUN/files"
export NODE_ENV=test
# The browser tests' API keeps its own Redis keys, apart from the API tests' counters.
E2E_REDIS_PREFIX=portico-e2e

CATCHER_SMTP_PORT="$SMTP_PORT" CATCHER_HTTP_PORT="$CATCHER_PORT" api/node_modules/.bin/tsx api/src/dev/catcher.ts > "$RUN/catcher.log" 2>&1 &
PIDS+=($!)
wait_http "$CATCHER_URL/api/mails" 30 || exit 1
# A local S3-compatible server: the S3 storage tests and the multi-instance test keep files there.
S3_SERVER_PORT="$S3_PORT" S3_SERVER_DIR="$RUN/s3" S3_SERVER_BUCKETS=portico-test,portico-multi api/node_modules/.bin/tsx api/src/dev/s3-server.ts > "$RUN/s3.log" 2>&1 &
PIDS+=($!)
export S3_TEST_ENDPOINT="http://127.0.0.1:$S3_PORT"
wait_http "$S3_TEST_ENDPOINT/" 30 || exit 1

log "unit and API tests"
(cd shared && node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile="$REPORTS/shared.json")
(cd api && DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/portico_test" \
  node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile="$REPORTS/api.json")

log "browser tests: building the API and the SPAs"
E2E_DB="postgres://postgres@127.0.0.1:$PG_PORT/portico_e2e"
API_PORT="$(free_port)"; TENANT_PORT="$(free_port)"; ADMIN_PORT="$(free_port)"; EID_PORT="$(free_port)"
# The browser tests run the compiled API (api/dist), as npm start and production do.
if pnpm -s --filter @portico/api --filter @portico/tenant-web --filter @portico/admin-web build > "$RUN/build.log" 2>&1; then
  export TENANT_WEB_URL="http://localhost:$TENANT_PORT" ADMIN_WEB_URL="http://localhost:$ADMIN_PORT"
  (cd api && DATABASE_URL="$E2E_DB" node --enable-source-maps dist/migrate.mjs) >> "$RUN/api.log" 2>&1
  export EID_ISSUER="http://127.0.0.1:$EID_PORT"
  # The browser test of webhooks points an endpoint at a local receiver.
  export WEBHOOK_ALLOW_PRIVATE=1 WEBHOOK_POLL_INTERVAL_MS=200
  (cd api && EID_BROKER_PORT="$EID_PORT" EID_REDIRECT_URI="$TENANT_WEB_URL/api/v1/auth/portal/eid/callback" exec node_modules/.bin/tsx src/dev/eid-broker.ts) > "$RUN/eid.log" 2>&1 &
  PIDS+=($!)
  (cd api && DATABASE_URL="$E2E_DB" REDIS_PREFIX="$E2E_REDIS_PREFIX" PORT="$API_PORT" LOG_LEVEL=warn NOTIFY_BACKOFF_MS=200 exec node --enable-source-maps dist/server.mjs) >> "$RUN/api.log" 2>&1 &
  PIDS+=($!)
  (cd api && DATABASE_URL="$E2E_DB" REDIS_PREFIX="$E2E_REDIS_PREFIX" NOTIFY_BACKOFF_MS=200 RELAY_INTERVAL_MS=100 exec node --enable-source-maps dist/worker.mjs) > "$RUN/worker.log" 2>&1 &
  PIDS+=($!)
  export PORTICO_API_URL="http://127.0.0.1:$API_PORT"
  (cd tenant-web && PORT="$TENANT_PORT" exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$TENANT_PORT" --strictPort) > "$RUN/tenant.log" 2>&1 &
  PIDS+=($!)
  (cd admin-web && PORT="$ADMIN_PORT" exec node_modules/.bin/vite preview --host 127.0.0.1 --port "$ADMIN_PORT" --strictPort) > "$RUN/admin.log" 2>&1 &
  PIDS+=($!)
  if wait_http "$PORTICO_API_URL/api/health/ready" 60 && wait_http "$TENANT_WEB_URL/" 30 && wait_http "$ADMIN_WEB_URL/" 30 && wait_http "$EID_ISSUER/.well-known/openid-configuration" 30; then
    (cd e2e && DATABASE_URL="$E2E_DB" node_modules/.bin/vitest run ${E2E_ONLY:-} --reporter=default --reporter=json --outputFile="$REPORTS/e2e.json")
  else
    tail -n 40 "$RUN/api.log" "$RUN/tenant.log" "$RUN/admin.log" >&2
  fi
else
  cat "$RUN/build.log" >&2
  echo '{"name":"build","passed":0,"failed":1}' > "$REPORTS/build.check.json"
fi
[ -f "$REPORTS/e2e.json" ] || echo '{"name":"e2e","passed":0,"failed":1}' > "$REPORTS/e2e.check.json"
[ -f "$REPORTS/api.json" ] || echo '{"name":"api","passed":0,"failed":1}' > "$REPORTS/api.check.json"
[ -f "$REPORTS/shared.json" ] || echo '{"name":"shared","passed":0,"failed":1}' > "$REPORTS/shared.check.json"

node scripts/summarise.mjs "$REPORTS"
