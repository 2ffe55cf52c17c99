import path from 'node:path';
import { build, createServer, type Plugin, type Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * Build-time plugin for the portal's first paint (docs/performance-spa.md):
 * 1. **Route-aware preloading**: reads the app's route table (`routes` of `routerModule`, loaded
 *    through Vite's SSR), takes each route's lazy `import()`s (layouts included), maps them to the
 *    output chunks and their static imports (minus what the entry already links), and the catalogue
 *    chunks per language. The map goes into index.html with the inline boot script
 *    (`bootModule`, built as an IIFE; `boot()` first in `<head>`, `paint()` at the end of the body:
 *    8S15), which starts the page's early data requests and adds `<link rel="modulepreload">` for
 *    the current path and language while the page is parsed.
 * 2. **Prerendering**: `render(path, locale)` of `prerenderModule` for each `prerender` path and
 *    language (its `locales` export); each result is a `<template>` the boot script puts into #root before first paint.
 * Build only; `vite dev` serves the plain index.html (main.tsx renders from scratch then).
 */
export interface BootPluginOptions {
  routerModule: string;
  prerenderModule: string;
  bootModule: string;
  prerender: string[];
  /** Catalogue namespaces loaded on every page (`ns` of lib/i18n.ts, minus the bundled ones). */
  namespaces: string[];
}

interface RouteLike {
  path?: string;
  index?: boolean;
  lazy?: unknown;
  children?: RouteLike[];
}

/** The modules a lazy route function imports, from its (SSR-transformed) source. */
export function lazyImports(lazy: unknown): string[] {
  if (typeof lazy !== 'function') return [];
  const source = String(lazy);
  const ids = [...source.matchAll(/(?:__vite_ssr_dynamic_import__|\bimport)\s*\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1] as string);
  if (ids.length === 0) throw new Error(`boot-plugin: no import() found in a lazy route: ${source}`);
  return ids;
}

/** Route pattern → the lazy modules on its way from the root (layouts first), for every page route. */
export function routeModules(routes: RouteLike[], parentPath = '', inherited: string[] = []): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const route of routes) {
    const modules = [...inherited, ...lazyImports(route.lazy)];
    const own = route.path ?? '';
    const full = own.startsWith('/') ? own : `${parentPath.replace(/\/$/, '')}/${own}`.replace(/\/$/, '') || '/';
    const pattern = route.path === undefined ? parentPath : full;
    if (route.children?.length) {
      for (const [p, m] of routeModules(route.children, pattern, modules)) if (!out.has(p)) out.set(p, m);
    } else if (route.path !== undefined || route.index) {
      if (!out.has(pattern)) out.set(pattern, modules);
    }
  }
  return out;
}

/** The chunk files `files` need (their static imports, recursively), minus `skip`. */
export function chunkClosure(bundle: Record<string, { imports?: string[] }>, files: string[], skip: Set<string>): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || skip.has(file)) return;
    seen.add(file);
    for (const imported of bundle[file]?.imports ?? []) visit(imported);
  };
  for (const file of files) visit(file);
  return [...seen];
}

export function bootPlugin(options: BootPluginOptions): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'portico-boot',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const bundle = ctx.bundle as OutputBundle | undefined;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
        const chunkOf = new Map<string, string>();
        for (const chunk of chunks) for (const id of chunk.moduleIds) chunkOf.set(id, chunk.fileName);
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) throw new Error('boot-plugin: no entry chunk');
        const linked = new Set(chunkClosure(bundle as never, [entry.fileName], new Set()));
        const url = (file: string) => `${base}${file}`;

        // One SSR server (this config, so the same aliases and JSX; this plugin is build-only) for
        // reading the route table and prerendering.
        const server = await createServer({
          root,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        let manifestRoutes: Record<string, string[]>;
        let locales: readonly string[];
        const templates: string[] = [];
        try {
          const { routes } = (await server.ssrLoadModule(options.routerModule)) as { routes: RouteLike[] };
          manifestRoutes = {};
          for (const [pattern, modules] of routeModules(routes)) {
            const files = modules.map((id) => {
              const file = chunkOf.get(path.join(root, id)) ?? chunkOf.get(id);
              if (!file) throw new Error(`boot-plugin: no chunk holds ${id} (route ${pattern})`);
              return file;
            });
            manifestRoutes[pattern] = chunkClosure(bundle as never, files, linked).map(url);
          }
          const prerender = (await server.ssrLoadModule(options.prerenderModule)) as {
            render: (path: string, locale: string) => Promise<string>;
            locales: readonly string[];
          };
          locales = prerender.locales;
          for (const page of options.prerender)
            for (const locale of locales)
              templates.push(`<template id="prerender:${page}:${locale}">${await prerender.render(page, locale)}</template>`);
        } finally {
          await server.close();
        }

        const catalogues: Record<string, string[]> = {};
        for (const locale of locales) {
          catalogues[locale] = options.namespaces.map((ns) => {
            const id = [...chunkOf.keys()].find((m) => m.replaceAll('\\', '/').endsWith(`/i18n/${locale}/${ns}.json`));
            const file = id && chunkOf.get(id);
            if (!file) throw new Error(`boot-plugin: no chunk for the ${locale} ${ns} catalogue`);
            return url(file);
          });
        }

        const bootBuild = await build({
          root,
          configFile: false,
          logLevel: 'error',
          build: {
            write: false,
            minify: true,
            lib: { entry: path.join(root, options.bootModule), formats: ['iife'], name: '__porticoBoot' },
          },
        });
        const output = (Array.isArray(bootBuild) ? bootBuild[0] : bootBuild) as { output: OutputChunk[] };
        const bootCode = output.output[0]?.code;
        if (!bootCode) throw new Error('boot-plugin: the boot script did not build');
        // The entry is started by the boot script (after the first paint on a prerendered page), so
        // index.html only preloads it.
        const entryTag = new RegExp(`<script type="module" crossorigin src="${url(entry.fileName)}"></script>`);
        if (!entryTag.test(html)) throw new Error('boot-plugin: the entry script tag is not where expected');
        html = html.replace(entryTag, `<link rel="modulepreload" crossorigin href="${url(entry.fileName)}">`);
        const manifest = { routes: manifestRoutes, catalogues, prerendered: options.prerender, entry: url(entry.fileName) };
        // The boot part goes first in the head: a script after a stylesheet waits for it, and the
        // early data requests and preloads should not. The paint part needs #root and the templates.
        const head = `<script>${bootCode.trim()}\n__porticoBoot.boot(${JSON.stringify(manifest)});</script>`;
        const charset = /<meta charset="UTF-8" \/>/i;
        if (!charset.test(html)) throw new Error('boot-plugin: <meta charset> is not where expected');
        html = html.replace(charset, (tag) => `${tag}\n    ${head}`);
        return html.replace('</body>', `${templates.join('')}<script>__porticoBoot.paint();</script></body>`);
      },
    },
  };
}
