import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EidBroker, startEidBroker } from '../../dev/eid-broker';
import { ACR_VALUES, createEidClient, type EidClient, EidError, type EidMethod, toIdentity } from './client';

const REDIRECT_URI = 'http://127.0.0.1:1/callback';

/** A minimal browser: one cookie jar for the broker, redirects followed by hand. */
function createBrowser() {
  const jar = new Map<string, string>();

  async function request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expires = attributes.find((a) => a.trim().toLowerCase().startsWith('expires='));
      const expired = expires !== undefined && Date.parse(expires.split('=')[1] ?? '') <= Date.now();
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until one leaves for the client's redirect URI (returned), or a page is shown. */
  async function follow(url: string, init?: RequestInit): Promise<{ callbackUrl?: string; response: Response; url: string }> {
    let current = url;
    let response = await request(current, init);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current).href;
      if (next.startsWith(REDIRECT_URI)) return { callbackUrl: next, response, url: current };
      current = next;
      response = await request(current);
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  return { request, follow };
}

type Browser = ReturnType<typeof createBrowser>;

async function openForm(browser: Browser, authorizeUrl: string) {
  const { response, url } = await browser.follow(authorizeUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  return { html: await response.text(), url };
}

async function submitForm(browser: Browser, formUrl: string, fields: { number: string; name: string }) {
  return browser.follow(formUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A whole sign-in as the user would do it; returns what `start` gave and the callback URL the broker sent back. */
async function signIn(client: EidClient, method: EidMethod, fields: { number: string; name: string }, browser = createBrowser()) {
  const started = await client.start(method);
  const { url } = await openForm(browser, started.url);
  const { callbackUrl, response, url: u2 } = await submitForm(browser, url, fields);
  if (!callbackUrl) throw new Error(`The broker did not redirect back to the client ${u2} ${response.status} ${await response.text()}`);
  return { started, callbackUrl };
}

describe('e-ID OIDC client against the local test broker', () => {
  let broker: EidBroker;
  let client: EidClient;

  beforeAll(async () => {
    broker = await startEidBroker({
      port: 0,
      clients: [{ clientId: 'portico-test', clientSecret: 'test-secret', redirectUris: [REDIRECT_URI] }],
    });
    client = createEidClient({ issuer: broker.issuer, clientId: 'portico-test', clientSecret: 'test-secret', redirectUri: REDIRECT_URI });
  });

  afterAll(async () => {
    await broker?.close();
  });

  it('reports the real port and issuer when started on port 0', () => {
    expect(broker.port).toBeGreaterThan(0);
    expect(broker.issuer).toBe(`http://127.0.0.1:${broker.port}`);
  });

  it('signs in with Swedish BankID', async () => {
    const browser = createBrowser();
    const started = await client.start('se-bankid');
    const authorize = new URL(started.url);
    expect(authorize.origin).toBe(broker.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'portico-test',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      acr_values: ACR_VALUES['se-bankid'],
      state: started.state,
      nonce: started.nonce,
      code_challenge_method: 'S256',
    });

    const { html, url } = await openForm(browser, started.url);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<main>[\s\S]*<h1>Test e-ID \(Swedish BankID\)<\/h1>[\s\S]*<\/main>/);
    expect(html).toContain('<label for="number">Personal identity number</label>');
    expect(html).toMatch(/<input id="number" name="number"[^>]*value="196802020575"/);
    expect(html).toContain('<label for="name">Name</label>');
    expect(html).toMatch(/<input id="name" name="name"[^>]*value="Test Testsson"/);
    expect(html).toContain('<button type="submit">Sign in</button>');

    const { callbackUrl } = await submitForm(browser, url, { number: '198803200016', name: 'Karin Holm' });
    expect(callbackUrl).toBeDefined();
    const callback = new URL(callbackUrl!);
    expect(callback.searchParams.get('state')).toBe(started.state);
    expect(callback.searchParams.get('code')).toBeTruthy();

    const identity = await client.finish(callbackUrl!, { ...started, method: 'se-bankid' });
    expect(identity).toEqual({
      method: 'se-bankid',
      country: 'SE',
      identityNumber: '198803200016',
      name: 'Karin Holm',
      subject: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('signs in with Danish MitID', async () => {
    const browser = createBrowser();
    const started = await client.start('dk-mitid');
    expect(new URL(started.url).searchParams.get('acr_values')).toBe('urn:grn:authn:dk:mitid:substantial');

    const { html, url } = await openForm(browser, started.url);
    expect(html).toContain('<h1>Test e-ID (Danish MitID)</h1>');
    expect(html).toMatch(/<input id="number" name="number"[^>]*value="2101270087"/);
    expect(html).toMatch(/<input id="name" name="name"[^>]*value="Test Testesen"/);

    const { callbackUrl } = await submitForm(browser, url, { number: '2101270087', name: 'Mette Jensen' });
    // Only path + query, as a server route sees it (request.url).
    const { pathname, search } = new URL(callbackUrl!);
    const identity = await client.finish(`${pathname}${search}`, { ...started, method: 'dk-mitid' });
    expect(identity).toMatchObject({ method: 'dk-mitid', country: 'DK', identityNumber: '2101270087', name: 'Mette Jensen' });
  });

  it('gives the same person the same subject, and shows the form again on every sign-in', async () => {
    const browser = createBrowser();
    const first = await signIn(client, 'se-bankid', { number: '198803200016', name: 'Karin Holm' }, browser);
    const a = await client.finish(first.callbackUrl, { ...first.started, method: 'se-bankid' });
    // Same browser (broker session cookie kept): the form must still be shown, and another person can sign in.
    const second = await signIn(client, 'se-bankid', { number: '196802020575', name: 'Test Testsson' }, browser);
    const b = await client.finish(second.callbackUrl, { ...second.started, method: 'se-bankid' });
    const third = await signIn(client, 'se-bankid', { number: '198803200016', name: 'Karin Holm' });
    const c = await client.finish(third.callbackUrl, { ...third.started, method: 'se-bankid' });
    expect(b.identityNumber).toBe('196802020575');
    expect(a.subject).not.toBe(b.subject);
    expect(c.subject).toBe(a.subject);
  });

  it('re-shows the form with an error for an invalid identity number', async () => {
    const browser = createBrowser();
    const started = await client.start('dk-mitid');
    const { url } = await openForm(browser, started.url);
    const { response, callbackUrl } = await submitForm(browser, url, { number: '12345', name: 'Mette Jensen' });
    expect(callbackUrl).toBeUndefined();
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('rejects a callback with the wrong state', async () => {
    const { started, callbackUrl } = await signIn(client, 'se-bankid', { number: '198803200016', name: 'Karin Holm' });
    await expect(client.finish(callbackUrl, { ...started, state: 'not-the-state', method: 'se-bankid' })).rejects.toBeInstanceOf(EidError);
  });

  it('rejects a tampered code', async () => {
    const { started, callbackUrl } = await signIn(client, 'se-bankid', { number: '198803200016', name: 'Karin Holm' });
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('code', `${tampered.searchParams.get('code')}x`);
    await expect(client.finish(tampered.href, { ...started, method: 'se-bankid' })).rejects.toBeInstanceOf(EidError);
  });

  it('rejects a wrong PKCE verifier, a wrong nonce, a replayed code and a method mismatch', async () => {
    const fields = { number: '2101270087', name: 'Mette Jensen' };
    const one = await signIn(client, 'dk-mitid', fields);
    await expect(client.finish(one.callbackUrl, { ...one.started, codeVerifier: 'x'.repeat(43), method: 'dk-mitid' })).rejects.toThrow(
      EidError,
    );

    const two = await signIn(client, 'dk-mitid', fields);
    await expect(client.finish(two.callbackUrl, { ...two.started, nonce: 'not-the-nonce', method: 'dk-mitid' })).rejects.toThrow(EidError);

    const three = await signIn(client, 'dk-mitid', fields);
    await client.finish(three.callbackUrl, { ...three.started, method: 'dk-mitid' });
    await expect(client.finish(three.callbackUrl, { ...three.started, method: 'dk-mitid' })).rejects.toThrow(EidError);

    const four = await signIn(client, 'dk-mitid', fields);
    await expect(client.finish(four.callbackUrl, { ...four.started, method: 'se-bankid' })).rejects.toThrow(/acr/);
  });

  it('does not need the broker until the first sign-in, and fails cleanly when it is down', async () => {
    const offline = createEidClient({ issuer: 'http://127.0.0.1:1', clientId: 'x', clientSecret: 'y', redirectUri: REDIRECT_URI });
    await expect(offline.start('se-bankid')).rejects.toThrow(EidError);
  });
});

describe('toIdentity (broker claim mapping)', () => {
  it('maps Signicat-style nin claims', () => {
    expect(
      toIdentity('se-bankid', { sub: 's1', nin: '19880320-0016', nin_issuing_country: 'SE', given_name: 'Karin', family_name: 'Holm' }),
    ).toEqual({ method: 'se-bankid', country: 'SE', identityNumber: '198803200016', name: 'Karin Holm', subject: 's1' });
    expect(toIdentity('dk-mitid', { sub: 's2', nin: '210127-0087', nin_issuing_country: 'DK', name: 'Mette Jensen' })).toMatchObject({
      identityNumber: '2101270087',
      country: 'DK',
    });
  });

  it('rejects claims from the other scheme or without a valid number', () => {
    expect(() => toIdentity('dk-mitid', { sub: 's', identityscheme: 'sebankid', ssn: '198803200016', name: 'K' })).toThrow(EidError);
    expect(() => toIdentity('se-bankid', { sub: 's', ssn: '8803200016', name: 'K' })).toThrow(EidError);
    expect(() =>
      toIdentity('dk-mitid', { sub: 's', acr: 'urn:grn:authn:dk:mitid:low', cprNumberIdentifier: '2101270087', name: 'M' }),
    ).toThrow(/acr/);
  });
});
