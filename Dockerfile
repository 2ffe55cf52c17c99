# syntax=docker/dockerfile:1
# One image for every process of Portico (docs/deploy.md): the compiled API (default command), the
# worker, migrate, seed and landlord-create entry points, the demo's mail catcher and e-ID stand-in,
# and both SPAs, which the API serves itself (WEB_DIST_DIR). Build: `docker build -t portico .`
#   docker run … portico                               the API on :3000 (serves /api and both SPAs)
#   docker run … portico node dist/worker.mjs          a worker
#   docker run … portico node dist/migrate.mjs         migrations (run before rolling out a new version)
#   docker run … portico node dist/seed.mjs            demo data (never in production)
ARG NODE_IMAGE=node:22-bookworm-slim

# ---- pnpm on the Node image (pnpm 10: the lockfile's format; pnpm 11 needs a newer Node) ----
FROM ${NODE_IMAGE} AS pnpm
RUN npm install -g pnpm@10.34.9 && pnpm --version
ENV CI=true
WORKDIR /src
# The manifests alone, so the dependency layers are reused until one of them changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY api/package.json api/
COPY tenant-web/package.json tenant-web/
COPY admin-web/package.json admin-web/
COPY e2e/package.json e2e/

# ---- build: every dependency of the API and the SPAs, then the three builds ----
FROM pnpm AS build
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile --filter '@portico/api...' --filter '@portico/tenant-web...' --filter '@portico/admin-web...'
COPY . .
RUN pnpm --filter @portico/api build \
 && pnpm --filter @portico/tenant-web --filter @portico/admin-web build

# ---- prod-deps: the API's runtime dependencies only (no esbuild, vite, vitest, tsx) ----
FROM pnpm AS prod-deps
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --prod --frozen-lockfile --filter '@portico/api...'

# ---- runtime: what runs, owned by root and read-only to the process ----
# Same layout as the checkout: dist/ finds migrations/ and the password list through relative
# URLs (api/build.mjs keeps `new URL('…', import.meta.url)` paths relative to the checkout).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=/app/web \
    FILES_DIR=/app/data/files
WORKDIR /app/api
COPY --from=prod-deps /src/node_modules /app/node_modules
COPY --from=prod-deps /src/api/node_modules /app/api/node_modules
COPY api/package.json /app/api/package.json
COPY migrations /app/migrations
COPY api/src/modules/auth/common-passwords.txt /app/api/src/modules/auth/common-passwords.txt
COPY --from=build /src/api/dist /app/api/dist
COPY --from=build /src/tenant-web/dist /app/web/tenant
COPY --from=build /src/admin-web/dist /app/web/admin
# Local file storage (STORAGE_DRIVER=local, one instance only) writes here; with S3 nothing is written.
RUN mkdir -p /app/data/files && chown -R node:node /app/data
USER node
EXPOSE 3000
# For the API (the default command). A worker checks itself with WORKER_HEALTH_PORT (see docker-compose.yml).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# One node process (PID 1 is node itself): SIGTERM reaches the server, which drains in-flight requests.
CMD ["node", "--enable-source-maps", "dist/server.mjs"]
