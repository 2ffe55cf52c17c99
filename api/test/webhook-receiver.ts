import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; at: number };
/** What a path answers: a status, optionally after a delay (a slow receiver, for timeouts). */
export type Behaviour = { status: number; delayMs?: number };

/**
 * A local webhook receiver (node:http on a free port) for the worker's tests: records every POST
 * and answers per path with what `behave` says (200 by default).
 */
export async function startReceiver() {
  const received: Received[] = [];
  const behaviours = new Map<string, (n: number) => Behaviour>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const n = received.filter((r) => r.path === path).length;
      const b = behaviours.get(path)?.(n) ?? { status: 200 };
      const timer = setTimeout(() => {
        if (!res.destroyed) res.writeHead(b.status, { 'content-type': 'text/plain' }).end(`answer ${b.status} to try ${n}`);
      }, b.delayMs ?? 0);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** Sets how `path` answers its n-th request (1-based). */
    behave: (path: string, fn: (n: number) => Behaviour) => behaviours.set(path, fn),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
