import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../../test/webhook-receiver';
import { sendOnce, type WebhookSettings } from '../../jobs/webhooks';
import { checkWebhookUrl, guardedAgent } from './address-guard';

/**
 * The check at connect time (decision 10H4): the worker's agent resolves names itself and refuses
 * forbidden addresses, so a URL that passed when saved but now resolves inward (DNS rebinding) is
 * never connected to. `localhost` stands in for such a name: it resolves to loopback.
 */
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver?.close());

const settings = { timeoutMs: 2000, responseSnippet: 500, allowPrivate: false } as WebhookSettings;
const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const delivery = { eventId: '0b6f0001-5c1e-4a8e-9d3b-2f7a1c9e0001', body: '{"type":"webhook.test"}' };

describe('the connect-time guard', () => {
  it('refuses to connect to a name that resolves to loopback, and the receiver gets nothing', async () => {
    const agent = guardedAgent(false, 2000);
    const url = receiver.url('/rebound').replace('127.0.0.1', 'localhost');
    const outcome = await sendOnce(agent, settings, { url, secret }, delivery);
    await agent.close();
    expect(outcome.statusCode).toBeNull();
    expect(outcome.response).toContain('forbidden address');
    expect(receiver.at('/rebound')).toHaveLength(0);
  });

  it('refuses a literal internal address without connecting', async () => {
    const agent = guardedAgent(false, 2000);
    const outcome = await sendOnce(agent, settings, { url: receiver.url('/literal'), secret }, delivery);
    await agent.close();
    expect(outcome.response).toContain('address not allowed');
    expect(receiver.at('/literal')).toHaveLength(0);
  });

  it('connects when private addresses are allowed (development and tests)', async () => {
    const agent = guardedAgent(true, 2000);
    const url = receiver.url('/allowed').replace('127.0.0.1', 'localhost');
    const outcome = await sendOnce(agent, { ...settings, allowPrivate: true }, { url, secret }, delivery);
    await agent.close();
    expect(outcome.statusCode).toBe(200);
    expect(receiver.at('/allowed')).toHaveLength(1);
  });

  it('the save-time check refuses a name that resolves inward', async () => {
    expect(await checkWebhookUrl('https://localhost/x', false)).toMatchObject({ ok: false });
    expect(await checkWebhookUrl('http://localhost/x', true)).toMatchObject({ ok: true });
  });
});
