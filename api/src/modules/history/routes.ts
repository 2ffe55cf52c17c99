import { HistoryPageSchema, HistoryParamsSchema, HistoryQuerySchema } from '@portico/shared/contracts/records';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { historyAreaOf } from '../api-keys/policy';
import * as service from './service';

/** A master record's change history: who changed which fields, and when (issue 9). */
export async function historyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  const tags = ['history'];

  app.get(
    '/history/:recordType/:recordId',
    {
      schema: { tags, params: HistoryParamsSchema, querystring: HistoryQuerySchema, response: { 200: HistoryPageSchema } },
      // A key reads a record's history with the read scope of the record's area; staff users' and
      // settings' history refuse keys.
      config: { apiAreas: ['properties', 'customers'], apiAreaOf: (params) => historyAreaOf(params.recordType ?? '') },
    },
    (request) => service.listHistory(app.deps, request.staff!, request.params.recordType, request.params.recordId, request.query),
  );
}
