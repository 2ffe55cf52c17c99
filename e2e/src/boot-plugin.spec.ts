import { describe, expect, it } from 'vitest';
import { chunkClosure, lazyImports, routeModules } from '../../tenant-web/build/boot-plugin';
import { matchRoute } from '../../tenant-web/src/boot';

/**
 * The portal's build-time preload map (tenant-web/build/boot-plugin.ts) and the inline boot script's
 * route matching (tenant-web/src/boot.ts): plain functions, no browser or server needed.
 */
describe('boot script: matchRoute', () => {
  const patterns = ['/login', '/', '/messages', '/messages/new', '/messages/:threadId', '/cases/:caseId', '*'];
  it('picks the pattern react-router would: static over parameter over splat', () => {
    expect(matchRoute(patterns, '/login')).toBe('/login');
    expect(matchRoute(patterns, '/')).toBe('/');
    expect(matchRoute(patterns, '/messages')).toBe('/messages');
    expect(matchRoute(patterns, '/messages/')).toBe('/messages');
    expect(matchRoute(patterns, '/Messages')).toBe('/messages');
    expect(matchRoute(patterns, '/messages/new')).toBe('/messages/new');
    expect(matchRoute(patterns, '/messages/0b6c…')).toBe('/messages/:threadId');
    expect(matchRoute(patterns, '/messages/a/b')).toBe('*');
    expect(matchRoute(patterns, '/nowhere')).toBe('*');
    expect(matchRoute(['/login'], '/nowhere')).toBeNull();
  });
});

describe('boot plugin: the route → chunks map', () => {
  // Route functions as Vite's SSR transform writes them.
  const lazy = (...ids: string[]) =>
    new Function(`return () => Promise.all([${ids.map((id) => `__vite_ssr_dynamic_import__("${id}")`).join(', ')}])`)() as () => unknown;

  it('reads the modules of a lazy route, and refuses a lazy route it cannot read', () => {
    expect(lazyImports(lazy('/src/app/routes/messages.tsx', '/src/app/loaders/messages.ts'))).toEqual([
      '/src/app/routes/messages.tsx',
      '/src/app/loaders/messages.ts',
    ]);
    expect(lazyImports(undefined)).toEqual([]);
    expect(() => lazyImports(() => Promise.resolve({}))).toThrow(/no import/);
  });

  it('gives each page path the lazy modules from the root down, layouts first', () => {
    const routes = [
      {
        children: [
          { lazy: lazy('/public.tsx'), children: [{ path: '/login', lazy: lazy('/login.tsx') }] },
          {
            lazy: lazy('/scope.tsx'),
            children: [
              {
                lazy: lazy('/layout.tsx', '/loader.ts'),
                children: [
                  { path: '/', loader: () => null },
                  { path: '/messages', lazy: lazy('/messages.tsx') },
                  { path: 'messages/:threadId', lazy: lazy('/thread.tsx') },
                  { path: '*', lazy: lazy('/not-found.tsx') },
                ],
              },
            ],
          },
        ],
      },
    ];
    expect(Object.fromEntries(routeModules(routes))).toEqual({
      '/login': ['/public.tsx', '/login.tsx'],
      '/': ['/scope.tsx', '/layout.tsx', '/loader.ts'],
      '/messages': ['/scope.tsx', '/layout.tsx', '/loader.ts', '/messages.tsx'],
      '/messages/:threadId': ['/scope.tsx', '/layout.tsx', '/loader.ts', '/thread.tsx'],
      '/*': ['/scope.tsx', '/layout.tsx', '/loader.ts', '/not-found.tsx'],
    });
  });

  it('adds what the chunks import, once, and leaves out what the entry already links', () => {
    const bundle = {
      'entry.js': { imports: ['shell.js'] },
      'shell.js': { imports: [] },
      'login.js': { imports: ['shell.js', 'input.js'] },
      'input.js': { imports: ['base.js', 'login.js'] },
      'base.js': { imports: ['shell.js'] },
    };
    const linked = new Set(chunkClosure(bundle, ['entry.js'], new Set()));
    expect([...linked]).toEqual(['entry.js', 'shell.js']);
    expect(chunkClosure(bundle, ['login.js'], linked)).toEqual(['login.js', 'input.js', 'base.js']);
  });
});
