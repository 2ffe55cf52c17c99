#!/usr/bin/env node
// Builds the API's entry points to JavaScript with esbuild: api/dist/{server,worker,migrate,seed,landlord-create,catcher,eid-broker}.mjs
// (+ .map), run with `node --enable-source-maps dist/server.mjs`. Our own code and @portico/shared
// (TypeScript sources) are bundled; every node_modules package stays an import, resolved at run time
// from api/node_modules, and must be one of api's `dependencies` (the build fails otherwise).
//
// Each entry is its own bundle (no shared chunks), so `import.meta.url` inside it is that file.
// Paths a module computes from its own location — `new URL('./x.txt', import.meta.url)` — are
// rewritten to point from dist/ at the same file in the checkout (migrations/, the password list…),
// so the build never copies data that could go stale; see docs/decisions.md (8B1).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const API = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(API, 'dist');
const ENTRIES = {
  server: 'src/server.ts',
  worker: 'src/worker.ts',
  migrate: 'src/db/migrate.ts',
  seed: 'src/db/seed.ts',
  'landlord-create': 'src/landlord-create.ts',
  // The demo's stand-ins (the compose file's `demo` profile), so the image runs them without tsx.
  catcher: 'src/dev/catcher.ts',
  'eid-broker': 'src/dev/eid-broker.ts',
};

const pkg = JSON.parse(readFileSync(path.join(API, 'package.json'), 'utf8'));
const runtimeDeps = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Packages bundled although they live in node_modules: pure ESM that no external package imports
 * (so there is still one copy of each), whose entry points load hundreds of files. Bundled, only
 * what is used is in the output, and start-up skips resolving and compiling each file:
 * date-fns (~300 modules for the 5 functions we use), drizzle-orm (~100 modules; bundling it
 * took ~10 MiB RSS and about a tenth of the CPU off the API's cold start).
 */
const BUNDLED_PACKAGES = new Set(['date-fns', 'drizzle-orm']);

/** node_modules stay external (declared runtime dependencies only); workspace packages are bundled. */
const externals = {
  name: 'externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@portico/')) return undefined;
      const name = packageName(args.path.replace(/^node:/, ''));
      if (BUNDLED_PACKAGES.has(name)) return undefined;
      if (args.path.startsWith('node:') || builtins.has(name)) return { path: args.path, external: true };
      if (!runtimeDeps.has(name)) {
        return {
          errors: [
            { text: `"${args.path}" is imported by ${path.relative(API, args.importer)} but "${name}" is not in api's dependencies` },
          ],
        };
      }
      return { path: args.path, external: true };
    });
  },
};

const STRING = String.raw`(?:'[^'\n]*'|"[^"\n]*")`;
const NEW_URL = new RegExp(String.raw`new URL\(\s*(${STRING})\s*,\s*import\.meta\.url\s*\)`, 'g');
const MAIN_CHECK = /fileURLToPath\(import\.meta\.url\)/g;
/** Stands for the output file's own `import.meta.url` while the source is rewritten. */
const OUTPUT_URL = '__PORTICO_OUTPUT_URL__';

/** A relative URL from dist/ to `target` (an absolute path), keeping a trailing slash. */
function fromDist(target, trailingSlash) {
  let rel = path.relative(OUT, target).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return trailingSlash && !rel.endsWith('/') ? `${rel}/` : rel;
}

/**
 * Rewrites `import.meta.url` for the bundle, where it is the output file in dist/:
 * - `new URL('<relative>', import.meta.url)` anywhere → the same target, relative to dist/ (it must exist);
 * - in the entry module, `fileURLToPath(import.meta.url)` (the "am I the main module" check) stays;
 * - in every other module, `import.meta.url` becomes that module's source location, so a main
 *   check of a module bundled into another entry stays false there.
 * Any other use of `import.meta` location fails the build: it would silently point elsewhere.
 */
function importMetaPlugin(entryFile) {
  return {
    name: 'import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        let text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const errors = [];
        text = text.replace(NEW_URL, (_all, literal) => {
          const relative = literal.slice(1, -1);
          const target = path.resolve(path.dirname(args.path), relative);
          if (!existsSync(target)) errors.push({ text: `new URL(${literal}, import.meta.url) points at ${target}, which does not exist` });
          return `new URL(${JSON.stringify(fromDist(target, relative.endsWith('/')))}, ${OUTPUT_URL})`;
        });
        if (args.path === entryFile) {
          text = text.replace(MAIN_CHECK, `fileURLToPath(${OUTPUT_URL})`);
        }
        text = text.replace(/import\.meta\.url/g, `new URL(${JSON.stringify(fromDist(args.path))}, ${OUTPUT_URL}).href`);
        text = text.replaceAll(OUTPUT_URL, 'import.meta.url');
        const other = /import\.meta\.(dirname|filename|resolve)/.exec(text);
        if (other)
          errors.push({
            text: `import.meta.${other[1]} in ${path.relative(API, args.path)}: not supported by the build (use new URL('…', import.meta.url))`,
          });
        return { contents: text, loader: 'ts', errors };
      });
    },
  };
}

rmSync(OUT, { recursive: true, force: true });
const started = performance.now();
const results = await Promise.all(
  Object.entries(ENTRIES).map(([name, source]) => {
    const entryFile = path.join(API, source);
    return esbuild.build({
      absWorkingDir: API,
      entryPoints: { [name]: entryFile },
      outdir: OUT,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      sourcemap: 'linked',
      // Stack traces map to files that are in the checkout; the map need not carry them.
      sourcesContent: false,
      plugins: [externals, importMetaPlugin(entryFile)],
      logLevel: 'warning',
      metafile: true,
    });
  }),
);
const sizes = results.flatMap((r) =>
  Object.entries(r.metafile.outputs)
    .filter(([file]) => file.endsWith('.mjs'))
    .map(([file, out]) => `${path.basename(file)} ${(out.bytes / 1024).toFixed(0)} kB`),
);
console.log(`built ${sizes.join(', ')} in ${Math.round(performance.now() - started)} ms`);
