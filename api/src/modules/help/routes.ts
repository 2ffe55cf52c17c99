import { OkSchema } from '@portico/shared/contracts/auth';
import {
  HelpArticleCreateSchema,
  HelpArticleListQuerySchema,
  HelpArticlePageSchema,
  HelpArticleParamsSchema,
  HelpArticlePatchSchema,
  HelpArticleSchema,
  PortalHelpArticleListSchema,
  PortalHelpArticleSchema,
  PortalHelpQuerySchema,
} from '@portico/shared/contracts/help';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

/** The help centre in the console and for integrators (issue 12 §3): area `content`. */
export async function staffHelpRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'content');
  const { deps } = app;
  const tags = ['help centre'];
  const params = HelpArticleParamsSchema;
  const one = { 200: HelpArticleSchema };

  app.get('/help-articles', { schema: { tags, querystring: HelpArticleListQuerySchema, response: { 200: HelpArticlePageSchema } } }, (r) =>
    service.listArticles(deps, r.staff!, r.query),
  );
  app.post('/help-articles', { schema: { tags, body: HelpArticleCreateSchema, response: { 201: HelpArticleSchema } } }, async (r, reply) =>
    reply.status(201).send(await service.createArticle(deps, r.staff!, r.body)),
  );
  app.get('/help-articles/:articleId', { schema: { tags, params, response: one } }, (r) =>
    service.getArticle(deps, r.staff!, r.params.articleId),
  );
  app.patch('/help-articles/:articleId', { schema: { tags, params, body: HelpArticlePatchSchema, response: one } }, (r) =>
    service.updateArticle(deps, r.staff!, r.params.articleId, r.body),
  );
  app.delete('/help-articles/:articleId', { schema: { tags, params, response: { 200: OkSchema } } }, async (r) => {
    await service.deleteArticle(deps, r.staff!, r.params.articleId);
    return { ok: true as const };
  });
}

/** The help centre for tenants (issue 12 §3, seed 002): every role of the acting customer. */
export async function portalHelpRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const { deps } = app;
  const tags = ['help centre (portal)'];

  app.get('/help-articles', { schema: { tags, querystring: PortalHelpQuerySchema, response: { 200: PortalHelpArticleListSchema } } }, (r) =>
    service.listPortalArticles(deps, r.tenant!, r.locale ?? deps.config.defaultLocale, r.query),
  );
  app.get(
    '/help-articles/:articleId',
    { schema: { tags, params: HelpArticleParamsSchema, response: { 200: PortalHelpArticleSchema } } },
    (r) => service.getPortalArticle(deps, r.tenant!, r.params.articleId),
  );
}
