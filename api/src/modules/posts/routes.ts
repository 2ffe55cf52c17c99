import { PortalPostListQuerySchema, PortalPostPageSchema } from '@portico/shared/contracts/content';
import {
  PortalPostDetailSchema,
  PostCreateSchema,
  PostDetailSchema,
  PostListQuerySchema,
  PostPageSchema,
  PostParamsSchema,
  PostPatchSchema,
} from '@portico/shared/contracts/posts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiArea } from '../../plugins/api-area';
import * as service from './service';

const ImageResponse = z.string().meta({ description: "The post's image", format: 'binary' });
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/** An image as the files routes serve one: the stored (sniffed) type, shown inline, never run in our origin. */
function sendImage(reply: FastifyReply, { image, stream }: Awaited<ReturnType<typeof service.openPortalPostImage>>) {
  return reply
    .type(image.contentType)
    .header('content-length', image.size)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(image.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .send(stream);
}

/** News, bulletin posts and area information in the console and for integrators (issue 12 §2), under /api/v1. */
export async function postRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  apiArea(app, 'content');
  const { deps } = app;
  const tags = ['posts'];
  const params = PostParamsSchema;
  const one = { 200: PostDetailSchema };

  app.get('/posts', { schema: { tags, querystring: PostListQuerySchema, response: { 200: PostPageSchema } } }, (r) =>
    service.listPosts(deps, r.staff!, r.query),
  );
  app.post('/posts', { schema: { tags, body: PostCreateSchema, response: { 201: PostDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await service.createPost(deps, r.staff!, r.body)),
  );
  app.get('/posts/:postId', { schema: { tags, params, response: one } }, (r) => service.getPost(deps, r.staff!, r.params.postId));
  app.patch('/posts/:postId', { schema: { tags, params, body: PostPatchSchema, response: one } }, (r) =>
    service.updatePost(deps, r.staff!, r.params.postId, r.body),
  );
  app.delete('/posts/:postId', { schema: { tags, params, response: { 204: z.null() } } }, async (r, reply) => {
    await service.deletePost(deps, r.staff!, r.params.postId);
    return reply.status(204).send(null);
  });
  app.get(
    '/posts/:postId/image',
    { schema: { tags, params, produces: IMAGE_TYPES }, config: { openapiResponse: ImageResponse } },
    async (r, reply) => sendImage(reply, await service.openPostImage(deps, r.staff!, r.params.postId)),
  );
}

/** Posts for tenants (issue 12 §2), under /api/v1/portal: read only, in their window, for the customer's properties. */
export async function portalPostRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireTenant);
  const { deps } = app;
  const tags = ['posts (portal)'];
  const params = PostParamsSchema;

  app.get('/posts', { schema: { tags, querystring: PortalPostListQuerySchema, response: { 200: PortalPostPageSchema } } }, (r) =>
    service.listPortalPosts(deps, r.tenant!, r.query),
  );
  app.get('/posts/:postId', { schema: { tags, params, response: { 200: PortalPostDetailSchema } } }, (r) =>
    service.getPortalPost(deps, r.tenant!, r.params.postId),
  );
  app.get(
    '/posts/:postId/image',
    { schema: { tags, params, produces: IMAGE_TYPES }, config: { openapiResponse: ImageResponse } },
    async (r, reply) => sendImage(reply, await service.openPortalPostImage(deps, r.tenant!, r.params.postId)),
  );
}
