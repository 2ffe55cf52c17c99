/**
 * Import first in each SPA's entry (before any schema parses). zod 4 probes `new Function('')`
 * once to decide whether to compile object parsers; under the SPAs' CSP (script-src without
 * 'unsafe-eval', issue 13) the probe throws, which zod catches, but Chromium still reports it as a
 * securitypolicyviolation on every page. `jitless` skips the probe (and the compiled parsers, which
 * the CSP forbids anyway). zod reads this object, `globalThis.__zod_globalConfig`, whether it is
 * loaded before or after this module.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig ??= {};
scope.__zod_globalConfig.jitless = true;

export {};
