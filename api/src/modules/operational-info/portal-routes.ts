import { PortalNoticeListSchema, PortalNoticeQuerySchema } from '@portico/shared/contracts/content';
import { NoticeParamsSchema, PortalNoticeDetailSchema } from '@portico/shared/contracts/operational-info';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './portal-service';

const IcsResponse = z.string().meta({ description: 'The planned work as an iCalendar event (RFC 5545)' });

/** Operational notices for tenants (issue 12 §1), under /api/v1/portal. */
export async function portalOperationalNoticeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const { deps } = app;
  const tags = ['operational notices (portal)'];
  const params = NoticeParamsSchema;

  app.get(
    '/operational-notices',
    { schema: { tags, querystring: PortalNoticeQuerySchema, response: { 200: PortalNoticeListSchema } } },
    (r) => service.listPortalNotices(deps, r.tenant!, r.query),
  );
  app.get('/operational-notices/:noticeId', { schema: { tags, params, response: { 200: PortalNoticeDetailSchema } } }, (r) =>
    service.getPortalNotice(deps, r.tenant!, r.params.noticeId),
  );
  app.get(
    '/operational-notices/:noticeId/calendar.ics',
    { schema: { tags, params, produces: ['text/calendar'] }, config: { openapiResponse: IcsResponse } },
    async (r, reply) => {
      const { filename, ics } = await service.noticeCalendar(deps, r.tenant!, r.params.noticeId);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(ics);
    },
  );
}
