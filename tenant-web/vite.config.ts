import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin } from 'vite';
import { bootPlugin } from './build/boot-plugin.ts';
import { portalErrorsPlugin } from './build/portal-errors-plugin.ts';

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

/**
 * What every page's first render needs (the sign-in page's and the portal's alike): React, i18n,
 * Mantine's core and the components of both layouts' headers, the i18n setup, the header. ONE chunk
 * (with everything it depends on, so no import cycle with the entry) instead of ~20 small ones: each
 * small chunk paid its own gzip dictionary and import/export glue, and a request on a throttled CPU.
 * Only put modules here that the sign-in page loads anyway (bench/spa.mjs lists its files).
 */
const SHELL_MODULES = [
  /[\\/]node_modules[\\/](react|clsx|i18next|react-i18next)[\\/]/,
  /[\\/]@mantine[\\/]core[\\/]esm[\\/]core[\\/]/,
  /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/](Button|UnstyledButton|Group|Stack|Text|Title|Transition|Loader|CloseButton|Alert|Container)[\\/]/,
  /[\\/]@mantine[\\/]hooks[\\/]esm[\\/](use-id|use-media-query|use-did-update|use-reduced-motion|use-uncontrolled|utils[\\/]random-id|use-isomorphic-effect)[\\/]/,
  /[\\/]shared[\\/]src[\\/](i18n[\\/](backend|genitive)\.ts|i18n[\\/]\w+[\\/]common\.json|locales\.ts|api-error\.ts|limits\.ts|password-rules\.ts)$/,
  /[\\/]tenant-web[\\/]src[\\/](lib[\\/](i18n|errors|roles|use-page-title)\.ts|components[\\/](site-header|language-picker|native-picker)\.tsx|app[\\/]routes[\\/](main-region|skip-link)\.tsx|features[\\/]auth[\\/]api[\\/]keys\.ts)$/,
];

/**
 * What every signed-in page needs before its own code: React Query, the query scope, the portal
 * layout, its loader and the user/preferences queries. The sign-in page never loads these (its form
 * signs in by itself); dependencies are left where they are (React stays in the shell).
 */
const PORTAL_MODULES = [
  /[\\/]node_modules[\\/]@tanstack[\\/]/,
  /[\\/]tenant-web[\\/]src[\\/](app[\\/]routes[\\/](query-scope|portal-layout)\.tsx|app[\\/]loaders[\\/](portal|prefetch)\.ts|lib[\\/](query-client|signed-out|current-lease|selection-storage)\.ts|components[\\/]lease-switcher\.tsx|features[\\/]auth[\\/]api[\\/](get-me|logout|save-locale|paths)\.ts|features[\\/]settings[\\/]api[\\/]get-preferences\.ts)$/,
];

export default defineConfig({
  plugins: [
    react(),
    canonicalHost(),
    portalErrorsPlugin(),
    bootPlugin({
      routerModule: '/src/app/router.tsx',
      prerenderModule: '/src/prerender.tsx',
      bootModule: 'src/boot.ts',
      prerender: ['/login'],
      namespaces: ['portal', 'errors'],
    }),
  ],
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
        // Two groups of what every page needs (see SHELL_MODULES, PORTAL_MODULES): split by use they
        // came as ~40 small chunks. Page code and the catalogues (one chunk per language) stay split.
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              test: (id: string) => SHELL_MODULES.some((pattern) => pattern.test(id)),
            },
            {
              name: 'portal-shell',
              test: (id: string) => PORTAL_MODULES.some((pattern) => pattern.test(id)),
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
