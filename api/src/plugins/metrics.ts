import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client';

/**
 * Prometheus metrics at `GET /metrics` behind METRICS_TOKEN (issue 13, part OBS).
 * Placeholder: the observability part fills it in.
 */
export const metricsPlugin = fp(async (_app: FastifyInstance, _opts: { db: Db; redis: Redis }) => {}, { name: 'metrics' });
