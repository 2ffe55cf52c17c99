import type { ApiArea } from '@portico/shared/contracts/api-scopes';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The API-key area a route belongs to (issue 10): a key needs `<area>:read` for GET and
     * `<area>:write` for anything else. A route without one refuses API keys.
     */
    apiArea?: ApiArea;
  }
}

/**
 * Puts every route this plugin adds after the call into `area`, unless the route names its own
 * (`config: { apiArea }`). Call it at the top of a route plugin, next to the auth hook.
 */
export function apiArea(app: FastifyInstance, area: ApiArea) {
  app.addHook('onRoute', (route) => {
    route.config = { apiArea: area, ...route.config };
  });
}
