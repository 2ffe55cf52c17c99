import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/**
 * SSRF guard for webhook URLs (decision 10H4). Only globally routable unicast addresses are
 * allowed: loopback, private (RFC 1918, IPv6 unique-local), link-local, multicast, unspecified,
 * broadcast, CGNAT (100.64/10), reserved and the IPv6 forms that embed an IPv4 address (mapped,
 * 6to4, Teredo, NAT64) are refused. ipaddr.js names the range; anything but `unicast` is refused.
 */
export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range() !== 'unicast';
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Checks a URL as it is saved: https (http only with `allowPrivate`), and a host whose every
 * address is allowed. The worker checks again when it connects (`guardedAgent`), since DNS
 * may answer differently then.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return { ok: false, reason: 'not https' };
  if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };
  if (allowPrivate) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return { ok: false, reason: 'host not found' };
    }
  }
  if (!addresses.length || addresses.some(isForbiddenAddress)) return { ok: false, reason: 'address not allowed' };
  return { ok: true, url };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for sockets that refuses forbidden addresses: the address checked is the address
 * connected to, so a name that answers differently on the second lookup (DNS rebinding) is caught.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const allowed = addresses.filter((a) => !isForbiddenAddress(a.address));
    if (!allowed.length) {
      const refused = Object.assign(new Error(`webhook host ${hostname} resolves to a forbidden address`), { code: 'EADDRNOTALLOWED' });
      return callback(refused, '');
    }
    if (options.all) return callback(null, allowed);
    return callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}

/** The dispatcher the worker sends with: every connection resolved through `guardedLookup`. */
export function guardedAgent(allowPrivate: boolean, timeoutMs: number) {
  return new Agent({
    connect: { ...(allowPrivate ? {} : { lookup: guardedLookup }), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4000,
  });
}
