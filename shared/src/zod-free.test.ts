import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every module a file imports at run time (type-only imports excluded), followed through relative paths. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
    const spec = match[1] as string;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const resolved = path.resolve(path.dirname(file), spec);
    runtimeImports(resolved.endsWith('.json') ? resolved : `${resolved}.ts`, seen);
  }
  return seen;
}

// The SPAs' first chunk and sign-in page import these; zod (25 kB gzip) must stay out of them (issue 8).
describe('modules the SPAs load before zod', () => {
  for (const module of [
    'api-error.ts',
    'http.ts',
    'list-params.ts',
    'locales.ts',
    'limits.ts',
    'password-rules.ts',
    'i18n/backend.ts',
    'i18n/genitive.ts',
  ]) {
    it(`${module} imports no zod, directly or through another module`, () => {
      const imports = [...runtimeImports(path.join(here, module))];
      expect(imports.filter((m) => m === 'zod' || m.startsWith('zod/'))).toEqual([]);
    });
  }
});
