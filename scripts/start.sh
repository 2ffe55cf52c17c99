#!/usr/bin/env bash
# npm start: install what is missing, start Postgres and Redis with data under .data/ (kept
# between runs), migrate, load demo data once, and run the API, worker, both SPAs and the mail
# catcher. Ctrl-C stops everything it started. DATABASE_URL / REDIS_URL / SMTP_URL override.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_system_packages || exit 1
ensure_pnpm || exit 1
install_packages || exit 1

DATA="$ROOT/.data"
mkdir -p "$DATA"
PIDS=()
STARTED_PG=""; STARTED_REDIS=""
cleanup() {
  log "stopping"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  [ -n "$STARTED_REDIS" ] && stop_redis "$DATA/redis"
  [ -n "$STARTED_PG" ] && stop_postgres "$PGDATA_DIR"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

if [ -z "${DATABASE_URL:-}" ]; then
  PGDATA_DIR="$(pg_data_dir "$DATA")"
  start_postgres "$PGDATA_DIR" 54320 || { log "could not start Postgres on :54320 (is another one running? set DATABASE_URL)"; exit 1; }
  STARTED_PG=1
  create_database 54320 portico
  export DATABASE_URL="postgres://postgres@127.0.0.1:54320/portico"
fi
if [ -z "${REDIS_URL:-}" ]; then
  start_redis "$DATA/redis" 63790 || exit 1
  STARTED_REDIS=1
  export REDIS_URL="redis://127.0.0.1:63790"
fi
export FILES_DIR="${FILES_DIR:-$DATA/files}"
# Development: webhook endpoints may be http and local (a receiver on this machine); production refuses both.
export WEBHOOK_ALLOW_PRIVATE="${WEBHOOK_ALLOW_PRIVATE:-1}"
if [ -z "${SMTP_URL:-}" ]; then
  (cd api && CATCHER_SMTP_PORT=1025 CATCHER_HTTP_PORT=8025 exec node_modules/.bin/tsx src/dev/catcher.ts) &
  PIDS+=($!)
  export SMTP_URL="smtp://127.0.0.1:1025"
  export SMS_GATEWAY_URL="${SMS_GATEWAY_URL:-http://127.0.0.1:8025/a1/sms}"
fi

# The API, worker, migrate and seed run compiled (api/dist, esbuild; about 2 s); tsx is for development only.
log "building the API"
pnpm -s --filter @portico/api build || exit 1
(cd api && node --enable-source-maps dist/migrate.mjs && node --enable-source-maps dist/seed.mjs) || exit 1

# The local e-ID broker (BankID / MitID stand-in) unless a real one is configured.
if [ -z "${EID_ISSUER:-}" ]; then
  (cd api && EID_BROKER_PORT=8026 EID_REDIRECT_URI="http://localhost:5173/api/v1/auth/portal/eid/callback" exec node_modules/.bin/tsx src/dev/eid-broker.ts) &
  PIDS+=($!)
fi

# One node process each (exec), so SIGTERM reaches the server itself and in-flight requests finish.
(cd api && PORT=3000 LOG_LEVEL="${LOG_LEVEL:-warn}" exec node --enable-source-maps dist/server.mjs) &
PIDS+=($!)
(cd api && exec node --enable-source-maps dist/worker.mjs) &
PIDS+=($!)
(cd tenant-web && exec node_modules/.bin/vite --host 127.0.0.1 --port 5173 --strictPort --clearScreen false) &
PIDS+=($!)
(cd admin-web && exec node_modules/.bin/vite --host 127.0.0.1 --port 5174 --strictPort --clearScreen false) &
PIDS+=($!)

wait_http http://127.0.0.1:3000/api/health/ready 90 || exit 1
cat <<MSG

  Portico is running.
    Tenant portal     http://localhost:5173
    Landlord console  http://localhost:5174
    (Vite lists 127.0.0.1 too: it redirects to localhost, where cookies and the e-ID callback live.)
    API + docs        http://localhost:3000/api/docs  (OpenAPI: /api/v1/openapi.json)
    Mail & SMS        http://localhost:8025
    e-ID test broker  http://127.0.0.1:8026  (BankID/MitID stand-in)

  Demo logins (password for all: Portico-Demo-2026)
    console  anna.berg@gota.example        Göta Fastigheter AB (SE), admin
    console  erik.lund@gota.example        Göta Fastigheter AB (SE), manager
    console  mette.larsen@nordhavn.example Nordhavn Ejendomme A/S (DK), admin
    portal   karin.holm@example.se         household with a flat and a storage room
    portal   lars.nilsson@kontorsbolaget.example  main administrator of two companies (SE, DK); BankID 196802020575
    portal   pia.persson@kontorsbolaget.example   administrator
    portal   ulf.berg@kontorsbolaget.example      user
    sign-up  org. no. 857209-0606 (Bageriet vid Bommen AB): code by e-mail or SMS, read it at :8025
    portal   jens.poulsen@example.dk       Danish household

  Ctrl-C stops everything.
MSG
wait -n "${PIDS[@]}"
log "a process exited; stopping the rest"
