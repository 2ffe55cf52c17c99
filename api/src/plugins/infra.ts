import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Deps } from '../deps';
import type { Storage } from '../storage';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    storage: Storage;
    deps: Deps;
  }
}

export const infraPlugin = fp(
  async (app: FastifyInstance, deps: Deps) => {
    app.decorate('config', deps.config);
    app.decorate('db', deps.db);
    app.decorate('storage', deps.storage);
    app.decorate('deps', deps);
  },
  { name: 'infra' },
);
