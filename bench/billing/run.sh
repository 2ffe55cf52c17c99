#!/usr/bin/env bash
# Issue 11 billing benchmark (bench/billing/README.md): `npm run bench:billing` from the repository root.
# Starts a private Postgres on a free port, runs bench.ts (N = BENCH_NOTICES, default 50,000) and
# deletes everything it started. BENCH_DATABASE_URL=<url of an empty database> uses that instead.
set -uo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
RUN=""
cleanup() { [ -n "$RUN" ] && { stop_postgres "$RUN/pg"; rm -rf "$RUN"; }; }
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  ensure_system_packages || exit 1
  ensure_pnpm || exit 1
  install_packages || exit 1
  RUN="$(mktemp -d /tmp/portico-bench-billing.XXXXXX)"; chmod 755 "$RUN"
  PG_PORT="$(free_port)"
  log "starting Postgres :$PG_PORT in $RUN"
  start_postgres "$RUN/pg" "$PG_PORT" "-c fsync=off -c full_page_writes=off -c synchronous_commit=off" || exit 1
  create_database "$PG_PORT" bench_billing || exit 1
  export BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench_billing"
fi
cd api && NODE_ENV=production node_modules/.bin/tsx ../bench/billing/bench.ts
