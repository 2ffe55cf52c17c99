import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { openInfra } from './infra';
import { loggerFor } from './log';

const config = loadConfigOrExit();

let app: FastifyInstance | undefined;
const infra = openInfra(config, {
  role: 'api',
  log: (message, err) => (app?.log ?? loggerFor(config)).warn(err === undefined ? {} : { err }, message),
});
app = await buildApp(infra.deps);
const server = app;

let closing = false;
/**
 * Stops accepting, lets in-flight requests finish (Fastify answers requests that arrive meanwhile
 * with 503 and closes idle keep-alive sockets), then closes Postgres and Redis. A request that
 * still runs after SHUTDOWN_TIMEOUT_MS has its connection closed and the process exits 1.
 */
async function shutdown(reason: string, exitCode: number) {
  if (closing) return;
  closing = true;
  server.log.info({ reason }, 'shutting down');
  const timer = setTimeout(() => {
    server.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; closing remaining connections');
    server.server.closeAllConnections();
    process.exit(1);
  }, config.shutdownTimeoutMs);
  timer.unref();
  try {
    await server.close();
  } catch (err) {
    server.log.error({ err }, 'error while closing the server');
    exitCode = 1;
  }
  await infra.close();
  clearTimeout(timer);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal, 0));
// A forgotten promise in one request must not take every other request down with it: log it and carry on.
process.on('unhandledRejection', (reason) => server.log.error({ err: reason }, 'unhandled rejection'));
// After an uncaught exception the process state is unknown: log it, finish what is in flight, exit 1.
process.on('uncaughtException', (err, origin) => {
  server.log.fatal({ err, origin }, 'uncaught exception');
  void shutdown('uncaught exception', 1);
});

await server.listen({ host: config.host, port: config.port });
