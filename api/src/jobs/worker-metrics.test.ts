import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serveLiveness } from '../worker';
import { createWorkerMetrics } from './worker-metrics';

const TOKEN = 'worker-metrics-token-0123456789';
let close: (() => void) | undefined;
afterEach(() => close?.());

function serve(token: string | undefined) {
  const worker = createWorkerMetrics();
  const server = serveLiveness(0, () => ({ live: true }), { token, worker });
  close = () => server.close();
  const base = new Promise<string>((resolve) =>
    server.once('listening', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  return { worker, base };
}

describe('the worker’s /metrics (WORKER_HEALTH_PORT)', () => {
  it('reports jobs finished by queue and outcome behind the bearer token', async () => {
    const { worker, base } = serve(TOKEN);
    worker.jobDone('notifications', 'completed');
    worker.jobDone('notifications', 'completed');
    worker.jobDone('notifications', 'failed');
    const url = `${await base}/metrics`;
    for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${TOKEN}x`]) {
      const res = await fetch(url, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('portico_worker_jobs_total{queue="notifications",outcome="completed"} 2');
    expect(text).toContain('portico_worker_jobs_total{queue="notifications",outcome="failed"} 1');
    expect(text).toContain('process_cpu_seconds_total');
    expect((await fetch(`${await base}/live`)).status).toBe(200);
  });

  it('is not there without METRICS_TOKEN (404), while /live still answers', async () => {
    const { base } = serve(undefined);
    expect((await fetch(`${await base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await fetch(`${await base}/live`)).status).toBe(200);
  });
});
