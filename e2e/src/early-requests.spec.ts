import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_TTL_MS, earlyFetch, earlyRequests, sendEarly } from '../../tenant-web/src/lib/early-requests';

/**
 * The portal's early data requests (tenant-web/src/lib/early-requests.ts, decision 8S14): which GETs
 * the boot script starts, and how the API client takes them. Plain functions over a stubbed fetch.
 */
const selection = { customerId: 'c-1', leaseId: 'l-1' };
const headers = (customer?: string) => ({ 'x-portico-csrf': '1', ...(customer ? { 'x-portico-customer': customer } : {}) });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('earlyRequests', () => {
  it('names /me, the badge and the list page /messages will ask for, for a returning user only', () => {
    expect(earlyRequests('/messages', '', selection)).toEqual([
      '/api/v1/auth/portal/me',
      '/api/v1/portal/threads/unread-count',
      '/api/v1/portal/threads?box=inbox&leaseId=l-1&limit=20',
    ]);
    expect(earlyRequests('/messages/', '?box=sent&cursor=abc_-1', selection)[2]).toBe(
      '/api/v1/portal/threads?box=sent&leaseId=l-1&cursor=abc_-1&limit=20',
    );
    // What the loader would not send is not sent early either: a bad box or cursor falls back as there.
    expect(earlyRequests('/messages', '?box=trash&cursor=%3Cx%3E', selection)[2]).toBe(
      '/api/v1/portal/threads?box=inbox&leaseId=l-1&limit=20',
    );
    expect(earlyRequests('/messages', '', { customerId: 'c-1', leaseId: null })[2]).toBe('/api/v1/portal/threads?box=inbox&limit=20');
    expect(earlyRequests('/messages', '', null)).toEqual([]);
    expect(earlyRequests('/cases', '', selection)).toEqual([]);
    expect(earlyRequests('/messages/123', '', selection)).toEqual([]);
  });
});

describe('earlyFetch', () => {
  function stub() {
    const calls: string[] = [];
    const fetch = vi.fn(async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ url, n: calls.length }));
    });
    vi.stubGlobal('window', globalThis);
    vi.stubGlobal('fetch', fetch);
    return calls;
  }

  it('gives a GET the early answer for the same URL and customer, once; everything else is fetched', async () => {
    const calls = stub();
    sendEarly(['/a', '/b'], 'c-1');
    expect(calls).toEqual(['/a', '/b']);
    const client = earlyFetch();
    expect(await (await client('/a', { method: 'GET', headers: headers('c-1') })).json()).toEqual({ url: '/a', n: 1 });
    // Used once: the same GET again goes to the network.
    expect(await (await client('/a', { method: 'GET', headers: headers('c-1') })).json()).toEqual({ url: '/a', n: 3 });
    // Another customer, or a POST, never gets it.
    await client('/b', { method: 'GET', headers: headers('c-2') });
    await client('/b', { method: 'POST', headers: headers('c-1') });
    expect(calls).toEqual(['/a', '/b', '/a', '/b', '/b']);
    expect(await (await client('/b', { method: 'GET', headers: headers('c-1') })).json()).toEqual({ url: '/b', n: 2 });
  });

  it('drops early answers after EARLY_TTL_MS, and fetches again when an early request failed', async () => {
    const calls = stub();
    vi.useFakeTimers({ toFake: ['Date'] });
    sendEarly(['/a'], undefined);
    vi.setSystemTime(Date.now() + EARLY_TTL_MS + 1);
    await earlyFetch()('/a', { method: 'GET', headers: headers() });
    expect(calls).toEqual(['/a', '/a']);

    vi.useRealTimers();
    let failed = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (!failed) {
          failed = true;
          throw new TypeError('network');
        }
        return new Response(url);
      }),
    );
    sendEarly(['/c'], undefined);
    expect(await (await earlyFetch()('/c', { method: 'GET', headers: headers() })).text()).toBe('/c');
  });
});
