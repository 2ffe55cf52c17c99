import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { startCatcher } from '../dev/catcher';
import { createSmsSender } from './sms';

let catcher: Awaited<ReturnType<typeof startCatcher>>;
beforeAll(async () => {
  catcher = await startCatcher({ smtpPort: 0, httpPort: 0 });
});
afterAll(() => catcher.close());

const sender = (env: Record<string, string>) => createSmsSender(loadConfig({ NODE_ENV: 'test', ...env }));

describe('SMS gateways (STANDARDS §9)', () => {
  it('46elks: form-encoded, E.164 recipient', async () => {
    await sender({ SMS_PROVIDER: '46elks', SMS_GATEWAY_URL: `http://127.0.0.1:${catcher.httpPort}/a1/sms`, SMS_FROM: 'Hyresportal' }).send(
      '+46700000001',
      'Hyran för april',
    );
    expect(catcher.sms.find((m) => m.to === '+46700000001')).toMatchObject({ from: 'Hyresportal', message: 'Hyran för april' });
  });

  it('GatewayAPI: JSON with MSISDN recipients', async () => {
    await sender({
      SMS_PROVIDER: 'gatewayapi',
      SMS_GATEWAY_URL: `http://127.0.0.1:${catcher.httpPort}/rest/mtsms`,
      SMS_FROM: 'Udlejer',
      SMS_GATEWAY_PASSWORD: 'tok',
    }).send('+45 12 34 56 78', 'Husleje for april');
    expect(catcher.sms.find((m) => m.to === '+4512345678')).toMatchObject({ from: 'Udlejer', message: 'Husleje for april' });
  });

  it('a refusing gateway is an error, so the worker retries', async () => {
    const bad = sender({ SMS_GATEWAY_URL: `http://127.0.0.1:${catcher.httpPort}/a1/sms` });
    await expect(bad.send('', '')).rejects.toThrow('SMS gateway answered 400');
  });
});
