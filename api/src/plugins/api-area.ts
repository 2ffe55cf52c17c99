import type { ApiArea } from '@portico/shared/contracts/api-scopes';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The API-key area a route belongs to (issue 10): a key needs `<area>:read` for GET and
     * `<area>:write` for anything else. A route without one refuses API keys.
     */
    apiArea?: ApiArea;
    /** A route that serves several areas: a key needs any one of them (uploads, attachments). */
    apiAreas?: readonly ApiArea[];
    /**
     * A route whose area depends on the record it names (the record history): the area for these
     * params, or undefined to refuse keys. `apiAreas` then lists every area it can answer (for the docs).
     */
    apiAreaOf?: (params: Record<string, string | undefined>) => ApiArea | undefined;
  }
}

type AreaConfig = {
  apiArea?: ApiArea;
  apiAreas?: readonly ApiArea[];
  apiAreaOf?: (params: Record<string, string | undefined>) => ApiArea | undefined;
};

/**
 * Puts every route this plugin adds after the call into `area`, unless the route names its own
 * (`config: { apiArea }`). Call it at the top of a route plugin, next to the auth hook.
 */
export function apiArea(app: FastifyInstance, area: ApiArea) {
  app.addHook('onRoute', (route) => {
    route.config = { apiArea: area, ...route.config };
  });
}

/** The areas a key may use a route with: any one suffices; none means keys are refused. */
export function routeAreas(config: AreaConfig | undefined, params?: Record<string, string | undefined>): readonly ApiArea[] {
  if (!config) return [];
  if (config.apiAreaOf && params) {
    const area = config.apiAreaOf(params);
    return area ? [area] : [];
  }
  if (config.apiArea) return [config.apiArea];
  return config.apiAreas ?? [];
}
