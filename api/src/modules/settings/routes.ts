import { LandlordSettingsPatchSchema, LandlordSettingsSchema } from '@portico/shared/contracts/settings';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service';

export async function settingsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireStaff);
  const tags = ['settings'];

  app.get('/settings', { schema: { tags, response: { 200: LandlordSettingsSchema } } }, (request) =>
    service.getSettings(app.deps, request.staff!),
  );
  app.patch('/settings', { schema: { tags, body: LandlordSettingsPatchSchema, response: { 200: LandlordSettingsSchema } } }, (request) =>
    service.updateSettings(app.deps, request.staff!, request.body),
  );
}
