import { EVENT_TYPES, EventPayloadSchemas, webhookEnvelopeSchema } from '@portico/shared/contracts/webhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../test/helpers';
import { EVENT_EXAMPLES } from './openapi-webhooks';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it.each(EVENT_TYPES)('the example of %s matches its payload schema', (type) => {
  expect(EventPayloadSchemas[type].safeParse(EVENT_EXAMPLES[type]).success).toBe(true);
});

it('the OpenAPI document lists every event in its webhooks section with the envelope schema and an example', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
  for (const type of EVENT_TYPES) {
    const content = doc.webhooks[type].post.requestBody.content['application/json'];
    expect(content.schema.properties.type.const).toBe(type);
    expect(Object.keys(content.schema.properties.data.properties).sort()).toEqual(Object.keys(EventPayloadSchemas[type].shape).sort());
    expect(webhookEnvelopeSchema(type).safeParse(content.example).success).toBe(true);
    expect(doc.webhooks[type].post.parameters.map((p: { name: string }) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
  }
});
