import type { Config } from '../config';

/**
 * SMS through one of two gateway styles behind one interface (STANDARDS §9):
 * 46elks — form-encoded POST with Basic auth, `to` in E.164 (Sweden);
 * GatewayAPI — JSON POST with `Authorization: Token …`, recipients as MSISDN numbers without `+` (Denmark).
 * In development and tests the URL points at the local catcher, which speaks both.
 */
export function createSmsSender(config: Config) {
  const { provider, user, password, from: serviceSender } = config.sms;
  return {
    /** `sender`: the landlord's own sender id (settings), else the service's SMS_FROM. */
    async send(to: string, message: string, sender?: string | null) {
      const from = sender || serviceSender;
      const request =
        provider === 'gatewayapi'
          ? {
              headers: { 'content-type': 'application/json', ...(password ? { authorization: `Token ${password}` } : {}) },
              body: JSON.stringify({ sender: from.replace(/^\+/, ''), message, recipients: [{ msisdn: Number(to.replace(/\D/g, '')) }] }),
            }
          : {
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                ...(user ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } : {}),
              },
              body: new URLSearchParams({ from, to, message }).toString(),
            };
      const res = await fetch(config.smsGatewayUrl, { method: 'POST', ...request, signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
export type SmsSender = ReturnType<typeof createSmsSender>;
