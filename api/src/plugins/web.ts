import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The built SPAs from WEB_DIST_DIR, one per host (issue 13, part WEB). Placeholder: the deploy
 * part fills it in. Registered after every API route.
 */
export const webPlugin = fp(async (_app: FastifyInstance) => {}, { name: 'web' });
