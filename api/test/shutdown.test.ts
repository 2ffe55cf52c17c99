import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CSRF_HEADER } from '@portico/shared/headers';
import { expect, it } from 'vitest';
import { freePort } from './private-services';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));

async function waitForReady(url: string, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready after ${ms} ms`);
}

it('finishes every in-flight request on SIGTERM, then exits 0', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // One process, as in production (`node dist/server.js`): the tsx CLI runs the script in a child
  // and SIGKILLs it when it does not acknowledge a relayed SIGTERM within 30 ms, as under load.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      // debug: the "incoming request" lines below (request-log.ts) are written at debug level.
      LOG_LEVEL: 'debug',
      AUTH_RATE_LIMIT: '100000',
      SHUTDOWN_TIMEOUT_MS: '8000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The API logs "incoming request" (debug) as it starts on each one: that is how the test knows all 50
  // are on the server (not still in a socket buffer) before it sends SIGTERM.
  let output = '';
  let logins = 0;
  const allStarted = new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      logins = output.split('\n').filter((line) => line.includes('"incoming request"') && line.includes('/auth/staff/login')).length;
      if (logins >= 50) resolve();
    });
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitForReady(`${base}/api/health/ready`, 20_000);

    // Sign-in verifies an argon2 hash even for an unknown address (so timing reveals nothing),
    // which makes each request take a while; 50 of them queue on the hashing threads.
    const requests = Array.from({ length: 50 }, () =>
      fetch(`${base}/api/v1/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ email: `nobody-${randomUUID()}@staff.test`, password: 'Wrong-Password-123' }),
      }).then(
        async (res) => ({ status: res.status, body: await res.text() }),
        (err: Error) => ({ status: 0, body: String(err.cause ?? err) }),
      ),
    );
    await allStarted;
    child.kill('SIGTERM');

    const results = await Promise.all(requests);
    const failed = results.filter((r) => r.status !== 401);
    expect(failed).toEqual([]);
    for (const r of results) expect(JSON.parse(r.body).error.code).toBe('invalid_credentials');

    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    expect(code, output.slice(-3000)).toBe(0);
    // Read the log once the process is gone: its asynchronous logger may write the last lines after
    // the last answer has reached us. Answers were still being sent after SIGTERM: these requests
    // were in flight, and finished.
    const afterSignal = output.slice(output.indexOf('"shutting down"'));
    expect(output).toContain('"shutting down"');
    expect(afterSignal).toMatch(/"statusCode":401/);
    // Once closed, the port refuses new connections.
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
