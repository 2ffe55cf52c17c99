/**
 * OIDC client for e-ID sign-in through a broker (Idura/Criipto Verify; STANDARDS.md §8.1), on openid-client v6.
 *
 * Authorization code flow with PKCE (S256), state and nonce, confidential client (client_secret_basic), and the
 * id_token signature checked against the broker's JWKS. `start` gives the URL and the secrets to keep server-side
 * (e.g. in a short-lived, httpOnly, signed cookie or a server-side store keyed by state); `finish` takes the full
 * callback URL and those secrets and returns who signed in.
 */
import type * as Oidc from 'openid-client';

type OidcLib = typeof Oidc;
/** openid-client (and jose, oauth4webapi) load with the first e-ID sign-in, not at start-up. */
let oidcLib: Promise<OidcLib> | undefined;
const loadOidc = () => (oidcLib ??= import('openid-client'));

export type EidMethod = 'se-bankid' | 'dk-mitid';

export const ACR_VALUES: Record<EidMethod, string> = {
  'se-bankid': 'urn:grn:authn:se:bankid',
  'dk-mitid': 'urn:grn:authn:dk:mitid:substantial',
};

/** Scopes per method: MitID only returns the CPR number (`cprNumberIdentifier`) when `ssn` is asked for. */
const SCOPES: Record<EidMethod, string> = {
  'se-bankid': 'openid',
  'dk-mitid': 'openid ssn',
};

/** acr values accepted back in the id_token, per method (when the broker sends `acr`). */
const ACCEPTED_ACR: Record<EidMethod, (acr: string) => boolean> = {
  'se-bankid': (acr) => acr === 'urn:grn:authn:se:bankid' || acr.startsWith('urn:grn:authn:se:bankid:'),
  'dk-mitid': (acr) => acr === 'urn:grn:authn:dk:mitid:substantial' || acr === 'urn:grn:authn:dk:mitid:high',
};

const METHOD_INFO: Record<EidMethod, { country: 'SE' | 'DK'; scheme: string; digits: number; numberClaims: string[] }> = {
  'se-bankid': { country: 'SE', scheme: 'sebankid', digits: 12, numberClaims: ['ssn', 'nin'] },
  'dk-mitid': { country: 'DK', scheme: 'dkmitid', digits: 10, numberClaims: ['cprNumberIdentifier', 'nin'] },
};

export type EidIdentity = {
  method: EidMethod;
  country: 'SE' | 'DK';
  /** SE: 12-digit personnummer; DK: 10-digit CPR number. Digits only. */
  identityNumber: string;
  name: string;
  /** The broker's `sub`: a stable pseudonym for this person (per broker tenant). */
  subject: string;
};

export type EidStart = { url: string; state: string; nonce: string; codeVerifier: string };
export type EidExpected = { state: string; nonce: string; codeVerifier: string; method: EidMethod };

/** Any failed e-ID sign-in. `code` is `cancelled` when the broker reported `access_denied` (the user gave up). */
export class EidError extends Error {
  constructor(
    message: string,
    readonly code: 'cancelled' | 'failed' = 'failed',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EidError';
  }
}

export type EidClient = {
  /** Starts a sign-in: the URL to send the browser to, and the secrets to keep server-side until the callback. */
  start(method: EidMethod): Promise<EidStart>;
  /**
   * Completes it from the callback URL (the full URL, or just path + query such as fastify's `request.url`: only the
   * query is used); validates state, nonce, PKCE, signature; maps broker claims to EidIdentity. Throws EidError on any failure.
   */
  finish(callbackUrl: string, expected: EidExpected): Promise<EidIdentity>;
};

export function createEidClient(options: { issuer: string; clientId: string; clientSecret: string; redirectUri: string }): EidClient {
  const issuer = new URL(options.issuer);
  let configuration: Promise<{ oidc: OidcLib; cfg: Oidc.Configuration }> | undefined;

  /** Discovery once per client, on first use; a failed attempt is retried on the next call. */
  function config(): Promise<{ oidc: OidcLib; cfg: Oidc.Configuration }> {
    configuration ??= loadOidc()
      .then((oidc) =>
        oidc
          .discovery(issuer, options.clientId, { client_secret: options.clientSecret }, oidc.ClientSecretBasic(options.clientSecret), {
            execute: [
              // Verify the id_token signature (openid-client otherwise relies on TLS for token endpoint responses).
              oidc.enableNonRepudiationChecks,
              // Only for a plain-HTTP issuer (the local test broker); https issuers stay HTTPS-only.
              ...(issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
            ],
          })
          .then((cfg) => ({ oidc, cfg })),
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw new EidError(`e-ID broker discovery failed for ${issuer.href}`, 'failed', { cause: error });
      });
    return configuration;
  }

  return {
    async start(method) {
      if (!(method in ACR_VALUES)) throw new EidError(`Unknown e-ID method: ${String(method)}`);
      const { oidc, cfg } = await config();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: options.redirectUri,
        response_type: 'code',
        scope: SCOPES[method],
        acr_values: ACR_VALUES[method],
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async finish(callbackUrl, expected) {
      const info = METHOD_INFO[expected.method];
      if (!info) throw new EidError(`Unknown e-ID method: ${String(expected.method)}`);
      const { oidc, cfg } = await config();

      let claims: Record<string, unknown>;
      try {
        // openid-client sends the callback URL minus its query as redirect_uri to the token endpoint, so use the
        // configured redirect URI (exactly as registered) with the query the broker sent, whatever host/proxy served it.
        const current = new URL(options.redirectUri);
        current.search = new URL(callbackUrl, options.redirectUri).search;
        const tokens = await oidc.authorizationCodeGrant(cfg, current, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new EidError('The e-ID broker returned no id_token');
        claims = { ...idToken };
        // Some brokers (Signicat by default) deliver the national identity number from UserInfo only.
        if (!info.numberClaims.some((claim) => typeof claims[claim] === 'string') && cfg.serverMetadata().userinfo_endpoint) {
          const userinfo = await oidc.fetchUserInfo(cfg, tokens.access_token, idToken.sub);
          claims = { ...userinfo, ...idToken };
        }
      } catch (error) {
        if (error instanceof EidError) throw error;
        const cancelled = error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied';
        const detail = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
        const reason = error instanceof Error ? `${error.message}${detail}` : String(error);
        throw new EidError(`e-ID sign-in failed: ${reason}`, cancelled ? 'cancelled' : 'failed', { cause: error });
      }

      return toIdentity(expected.method, claims);
    },
  };
}

/** Maps broker claims (Idura: `ssn` / `cprNumberIdentifier`; Signicat: `nin`) to an EidIdentity, checking they fit the method. */
export function toIdentity(method: EidMethod, claims: Record<string, unknown>): EidIdentity {
  const info = METHOD_INFO[method];
  const str = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string).trim() : undefined);

  const acr = str('acr');
  if (acr !== undefined && !ACCEPTED_ACR[method](acr)) throw new EidError(`Unexpected acr ${acr} for ${method}`);
  const scheme = str('identityscheme');
  if (scheme !== undefined && scheme !== info.scheme) throw new EidError(`Unexpected identity scheme ${scheme} for ${method}`);
  const issuingCountry = str('nin_issuing_country') ?? str('country');
  if (issuingCountry !== undefined && issuingCountry.toUpperCase() !== info.country) {
    throw new EidError(`Unexpected country ${issuingCountry} for ${method}`);
  }

  const raw = info.numberClaims.map(str).find((value) => value !== undefined);
  const identityNumber = raw?.replace(/[\s-]/g, '');
  if (!identityNumber || !new RegExp(`^\\d{${info.digits}}$`).test(identityNumber)) {
    throw new EidError(`The e-ID broker sent no valid ${info.digits}-digit identity number (${info.numberClaims.join(' / ')})`);
  }

  const name = str('name') || [str('given_name'), str('family_name')].filter(Boolean).join(' ');
  if (!name) throw new EidError('The e-ID broker sent no name');
  const subject = str('sub');
  if (!subject) throw new EidError('The e-ID broker sent no subject');

  return { method, country: info.country, identityNumber, name, subject };
}
