import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin } from 'vite';

const apiTarget = process.env.PORTICO_API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };
const previewPort = process.env.PORT ? Number(process.env.PORT) : undefined;

/**
 * One origin for the dev and preview servers: a request to 127.0.0.1 (or [::1]) is sent on to the
 * same path at localhost. Cookies are per host, and the e-ID callback, the session cookies and the
 * links in e-mails all use localhost (TENANT_WEB_URL / ADMIN_WEB_URL), so a page opened at
 * 127.0.0.1 would lose its e-ID binding cookie on the way back from BankID.
 */
function canonicalHost(): Plugin {
  const redirect: Connect.NextHandleFunction = (req, res, next) => {
    const loopback = /^(?:127\.0\.0\.1|\[::1\])(:\d+)?$/.exec(req.headers.host ?? '');
    if (!loopback) return next();
    // 307 keeps the method and body, should anything but a page load arrive here.
    res.writeHead(307, { location: `http://localhost${loopback[1] ?? ''}${req.url ?? '/'}` });
    res.end();
  };
  return {
    name: 'portico-canonical-host',
    configureServer: (server) => void server.middlewares.use(redirect),
    configurePreviewServer: (server) => void server.middlewares.use(redirect),
  };
}

export default defineConfig({
  plugins: [react(), canonicalHost()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // Every browser we support has <link rel="modulepreload">: no polyfill in the first chunk.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Building a zod schema has no side effects: a module's unused schemas (and zod itself, when
      // nothing else needs it) can be left out, so the sign-in page's chunks carry no zod.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        // React Query as ONE chunk (the sign-in page never loads it): split by use it came as five
        // small chunks on every signed-in page, each paying its own gzip and import/export overhead.
        // Not its dependencies (React): those stay where the sign-in page can share them.
        codeSplitting: {
          groups: [
            {
              name: 'react-query',
              test: /[\\/]node_modules[\\/]@tanstack[\\/]/,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { ...(previewPort ? { port: previewPort, strictPort: true } : {}), proxy },
});
