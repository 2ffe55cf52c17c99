/**
 * A local stand-in for the e-ID OIDC broker (Idura/Criipto Verify), for development and tests only.
 *
 * A real OpenID Provider (oidc-provider) with the authorization code flow, PKCE (S256) required, confidential
 * clients, RS256 id_tokens signed with a key pair generated at start-up, and the broker's acr_values and claims
 * (STANDARDS.md §8.1). Instead of BankID/MitID, the interaction page is a form asking for a personal identity
 * number and a name. Sessions, interactions and grants live in oidc-provider's in-memory adapter.
 *
 *   tsx src/dev/eid-broker.ts
 *   # env: EID_BROKER_PORT (8026), EID_CLIENT_ID (portico), EID_CLIENT_SECRET (portico-dev-secret),
 *   #      EID_REDIRECT_URI (http://localhost:3000/api/v1/auth/portal/eid/callback); optional EID_BROKER_HOST, EID_BROKER_ISSUER
 */
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- oidc-provider ships no type declarations; the small surface used here is typed below.
import { interactionPolicy, Provider as ProviderClass } from 'oidc-provider';

export type EidBrokerClient = {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** How the client authenticates at the token endpoint; oidc-provider accepts only the registered one. Default `client_secret_basic`. */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
};

export type EidBroker = { issuer: string; port: number; close(): Promise<void> };

/** The acr_values the broker understands (Idura Verify names). */
export const EID_ACR_VALUES = [
  'urn:grn:authn:se:bankid',
  'urn:grn:authn:se:bankid:same-device',
  'urn:grn:authn:se:bankid:another-device:qr',
  'urn:grn:authn:dk:mitid:low',
  'urn:grn:authn:dk:mitid:substantial',
  'urn:grn:authn:dk:mitid:high',
] as const;

type Scheme = 'sebankid' | 'dkmitid';

const SCHEMES: Record<
  Scheme,
  { title: string; numberPattern: RegExp; numberHint: string; defaultNumber: string; defaultName: string; lang: string }
> = {
  sebankid: {
    title: 'Test e-ID (Swedish BankID)',
    numberPattern: /^\d{12}$/,
    numberHint: '12 digits (personnummer, YYYYMMDDNNNN)',
    defaultNumber: '196802020575',
    defaultName: 'Test Testsson',
    lang: 'en',
  },
  dkmitid: {
    title: 'Test e-ID (Danish MitID)',
    numberPattern: /^\d{10}$/,
    numberHint: '10 digits (CPR number, DDMMYYNNNN)',
    defaultNumber: '2101270087',
    defaultName: 'Test Testesen',
    lang: 'en',
  },
};

/** Claims a login produced, by account id (the pseudonymous `sub`). */
type Profile = { scheme: Scheme; number: string; name: string };

// The parts of oidc-provider used here (it has no bundled typings).
type OidcCtx = {
  oidc: {
    result?: { login?: unknown; consent?: { grantId?: string } };
    session: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    client: { clientId: string };
    requestParamScopes: Set<string>;
    requestParamClaims: Set<string>;
  };
};
type OidcGrant = {
  accountId: string;
  clientId: string;
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
};
type GrantClass = {
  new (init: { accountId?: string; clientId: string }): OidcGrant;
  find(id: string): Promise<OidcGrant | undefined>;
};
type Interaction = {
  uid: string;
  exp: number;
  prompt: { name: string };
  params: Record<string, unknown>;
  session?: { uid?: string; accountId?: string };
  save(ttl: number): Promise<string>;
};
type OidcProvider = {
  Grant: GrantClass;
  Session: { findByUid(uid: string): Promise<{ destroy(): Promise<void> } | undefined> };
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: unknown,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  on(event: string, listener: (...args: unknown[]) => void): void;
};
type CheckClass = { new (reason: string, description: string, error: string, check: (ctx: OidcCtx) => boolean): unknown };
type PromptLike = { name: string; checks: unknown[] & { unshift(check: unknown): void } };
const Provider = ProviderClass as new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;
const { Check, base } = interactionPolicy as {
  Check: CheckClass & { REQUEST_PROMPT: boolean; NO_NEED_TO_PROMPT: boolean };
  base(): PromptLike[] & { get(name: string): PromptLike | undefined };
};

const COMMON_CLAIMS = ['sub', 'identityscheme', 'name', 'given_name', 'family_name', 'birthdate', 'country', 'uuid'];

export async function startEidBroker(options: {
  port: number;
  host?: string;
  issuer?: string;
  clients: EidBrokerClient[];
}): Promise<EidBroker> {
  const host = options.host ?? '127.0.0.1';
  const profiles = new Map<string, Profile>();

  // The provider needs the issuer, which needs the port: listen first (port 0 picks a free one), then attach.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const issuer = (options.issuer ?? `http://${urlHost}:${port}`).replace(/\/$/, '');

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };

  // Every authorization request shows the e-ID form again, even with a live broker session (as BankID/MitID do).
  const policy = base();
  policy
    .get('login')
    ?.checks.unshift(
      new Check('eid_required', 'e-ID authentication is required for every sign-in', 'login_required', (ctx) =>
        ctx.oidc.result?.login ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT,
      ),
    );

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: c.tokenEndpointAuthMethod ?? 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    responseTypes: ['code'],
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    pkce: { required: () => true },
    acrValues: [...EID_ACR_VALUES],
    scopes: ['openid', 'ssn'],
    claims: { openid: [...COMMON_CLAIMS, 'ssn', 'cprNumberIdentifier'], ssn: ['ssn', 'cprNumberIdentifier'] },
    // Put the scope's claims in the id_token too (the broker does), not only at userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // No separate consent page: the grant covers whatever the (pre-registered) client asked for.
    async loadExistingGrant(ctx: OidcCtx) {
      const { client, session, result } = ctx.oidc;
      if (!session.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      let grant = grantId ? await provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== session.accountId)
        grant = new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    async findAccount(_ctx: unknown, sub: string) {
      const profile = profiles.get(sub);
      if (!profile) return undefined;
      return { accountId: sub, claims: async () => claimsFor(sub, profile) };
    },
    async renderError(ctx: { type: string; body: string }, out: Record<string, string>) {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in error',
        `<h1>Sign-in error</h1>${Object.entries(out)
          .map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(String(v))}</p>`)
          .join('')}`,
      );
    },
  });

  const oidcHandler = provider.callback();
  handle = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const match = /^\/interaction\/([\w-]+)$/.exec(path);
    if (!match) return oidcHandler(req, res);
    handleInteraction(provider, profiles, match[1]!, req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      const message = error instanceof Error ? error.message : String(error);
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Sign-in error', `<h1>Sign-in error</h1><p>${escapeHtml(message)}</p>`));
    });
  };

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The first supported acr value the client asked for; BankID (let the broker choose) when none was asked for. */
function chooseAcr(params: Record<string, unknown>): { acr: string; scheme: Scheme } {
  const requested = typeof params.acr_values === 'string' ? params.acr_values.split(' ').filter(Boolean) : [];
  if (requested.length === 0) return { acr: 'urn:grn:authn:se:bankid', scheme: 'sebankid' };
  const acr = requested.find((value) => (EID_ACR_VALUES as readonly string[]).includes(value));
  if (!acr) throw new Error(`Unsupported acr_values: ${requested.join(' ')}`);
  return { acr, scheme: acr.startsWith('urn:grn:authn:dk:') ? 'dkmitid' : 'sebankid' };
}

async function handleInteraction(
  provider: OidcProvider,
  profiles: Map<string, Profile>,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('Interaction does not match this browser session');
  const { acr, scheme } = chooseAcr(details.params);
  const config = SCHEMES[scheme];

  if (req.method === 'GET') return sendForm(res, 200, uid, scheme, { number: config.defaultNumber, name: config.defaultName });
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' });
    res.end();
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  const number = (form.get('number') ?? '').replace(/[\s-]/g, '');
  const name = (form.get('name') ?? '').trim().replace(/\s+/g, ' ');
  const errors: string[] = [];
  if (!config.numberPattern.test(number)) errors.push(`Personal identity number must be ${config.numberHint}.`);
  if (!name) errors.push('Name is required.');
  if (errors.length > 0) return sendForm(res, 400, uid, scheme, { number, name }, errors);

  // Each sign-in starts from a clean slate: end any earlier broker session in this browser. (Otherwise oidc-provider
  // answers a change of person with an auto-submitting logout form that needs JavaScript.)
  if (details.session?.uid) {
    const previous = await provider.Session.findByUid(details.session.uid);
    details.session = undefined;
    await details.save(Math.max(details.exp - Math.floor(Date.now() / 1000), 1));
    await previous?.destroy();
  }

  const accountId = pseudonym(scheme, number);
  profiles.set(accountId, { scheme, number, name });
  await provider.interactionFinished(req, res, { login: { accountId, acr, remember: false } }, { mergeWithLastSubmission: false });
}

function claimsFor(sub: string, { scheme, number, name }: Profile): Record<string, string> {
  const parts = name.split(' ');
  const family_name = parts.length > 1 ? parts[parts.length - 1]! : name;
  const given_name = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
  if (scheme === 'sebankid') {
    return { sub, identityscheme: 'sebankid', ssn: number, name, given_name, family_name, country: 'SE' };
  }
  const hex = createHash('sha256').update(`dkmitid-uuid:${number}`).digest('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const birthdate = cprBirthdate(number);
  return { sub, identityscheme: 'dkmitid', cprNumberIdentifier: number, uuid, name, ...(birthdate ? { birthdate } : {}), country: 'DK' };
}

/** A stable pseudonymous subject for one person in one scheme. */
function pseudonym(scheme: Scheme, number: string): string {
  return createHash('sha256').update(`${scheme}:${number}`).digest('hex');
}

/** Birth date (YYYY-MM-DD) from a CPR number: DDMMYY, the century from the 7th digit. */
function cprBirthdate(cpr: string): string | undefined {
  const [dd, mm, yy, d7] = [cpr.slice(0, 2), cpr.slice(2, 4), Number(cpr.slice(4, 6)), Number(cpr[6])];
  let century = 1900;
  if ((d7 === 4 || d7 === 9) && yy <= 36) century = 2000;
  else if (d7 >= 5 && d7 <= 8) century = yy <= 57 ? 2000 : 1800;
  const date = `${century + yy}-${mm}-${dd}`;
  return Number.isNaN(Date.parse(date)) ? undefined : date;
}

function sendForm(
  res: ServerResponse,
  status: number,
  uid: string,
  scheme: Scheme,
  values: { number: string; name: string },
  errors: string[] = [],
): void {
  const config = SCHEMES[scheme];
  const invalid = errors.length > 0 ? ' aria-invalid="true" aria-describedby="errors"' : '';
  const errorList =
    errors.length > 0 ? `<div id="errors" role="alert"><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>` : '';
  const body = `<h1>${escapeHtml(config.title)}</h1>
<p>This is a local test stand-in for the e-ID broker. No real identity is checked.</p>
${errorList}
<form method="post" action="/interaction/${escapeHtml(uid)}">
  <p><label for="number">Personal identity number</label><br>
  <input id="number" name="number" type="text" inputmode="numeric" autocomplete="off" required value="${escapeHtml(values.number)}"${invalid}>
  <small>${escapeHtml(config.numberHint)}</small></p>
  <p><label for="name">Name</label><br>
  <input id="name" name="name" type="text" autocomplete="name" required value="${escapeHtml(values.name)}"></p>
  <button type="submit">Sign in</button>
</form>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page(config.title, body, config.lang));
}

function page(title: string, main: string, lang = 'en'): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body><main>
${main}
</main></body>
</html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage, limit = 16_384): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limit) throw new Error('Request body too large');
  }
  return body;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const broker = await startEidBroker({
    port: Number(process.env.EID_BROKER_PORT ?? 8026),
    host: process.env.EID_BROKER_HOST || undefined,
    issuer: process.env.EID_BROKER_ISSUER || undefined,
    clients: [
      {
        clientId: process.env.EID_CLIENT_ID ?? 'portico',
        clientSecret: process.env.EID_CLIENT_SECRET ?? 'portico-dev-secret',
        redirectUris: [process.env.EID_REDIRECT_URI ?? 'http://localhost:3000/api/v1/auth/portal/eid/callback'],
      },
    ],
  });
  console.log(`test e-ID broker: issuer ${broker.issuer} (discovery at ${broker.issuer}/.well-known/openid-configuration)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => broker.close().then(() => process.exit(0)));
}
