import { buildApp } from './app';
import { loadConfig } from './config';
import { openInfra } from './infra';

const config = loadConfig();
const infra = openInfra(config);
const app = await buildApp(infra.deps);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await infra.close();
    process.exit(0);
  });
}

await app.listen({ host: config.host, port: config.port });
