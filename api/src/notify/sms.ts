import type { Config } from '../config';

/**
 * Sends an SMS through a 46elks-style gateway (STANDARDS §9.1): form-encoded POST with
 * Basic auth. In development and tests the URL points at the local catcher.
 */
export function createSmsSender(config: Config) {
  return {
    async send(to: string, message: string) {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (config.sms.user) headers.authorization = `Basic ${Buffer.from(`${config.sms.user}:${config.sms.password}`).toString('base64')}`;
      const res = await fetch(config.smsGatewayUrl, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ from: config.sms.from, to, message }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
export type SmsSender = ReturnType<typeof createSmsSender>;
