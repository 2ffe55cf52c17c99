import { matchRoutes, type RouteObject, redirect } from 'react-router';
import { PageLoader } from '@/components/page-loader';

/**
 * Every page is its own chunk (`lazy`), so the login page loads neither the portal's pages nor their
 * libraries. Loaders prefetch through the query client with the pages' own query options
 * (app/loaders), and run beside the chunk download. Until the first route is ready the router shows
 * `hydrateFallbackElement`. main.tsx creates the router (`createBrowserRouter(routes)`); the build
 * reads this table too (build/boot-plugin.ts): each path's lazy modules become modulepreload links,
 * and the sign-in page is prerendered from it.
 */
const queryScope = () => import('./routes/query-scope').then((m) => ({ Component: m.QueryScope }));

export const routes: RouteObject[] = [
  {
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        lazy: () => import('./routes/public-layout').then((m) => ({ Component: m.PublicLayout })),
        children: [
          // Outside the query scope: the sign-in page loads no React Query (the form signs in by itself).
          { path: '/login', lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })) },
          {
            lazy: queryScope,
            children: [
              { path: '/signup', lazy: () => import('./routes/signup').then((m) => ({ Component: m.SignupRoute })) },
              { path: '/signup/verify', lazy: () => import('./routes/signup-verify').then((m) => ({ Component: m.SignupVerifyRoute })) },
              {
                path: '/forgot-password',
                lazy: () => import('./routes/forgot-password').then((m) => ({ Component: m.ForgotPasswordRoute })),
              },
              { path: '/reset-password', lazy: () => import('./routes/reset-password').then((m) => ({ Component: m.ResetPasswordRoute })) },
              { path: '/sign-in-help', lazy: () => import('./routes/sign-in-help').then((m) => ({ Component: m.SignInHelpRoute })) },
              { path: '/invitation/:token', lazy: () => import('./routes/invitation').then((m) => ({ Component: m.InvitationRoute })) },
              { path: '/confirm-email', lazy: () => import('./routes/confirm-email').then((m) => ({ Component: m.ConfirmEmailRoute })) },
            ],
          },
        ],
      },
      {
        lazy: queryScope,
        children: [
          {
            lazy: () =>
              Promise.all([import('./routes/portal-layout'), import('./loaders/portal')]).then(([m, l]) => ({
                Component: m.PortalLayout,
                loader: l.portalLayoutLoader,
              })),
            children: [
              { path: '/', loader: () => redirect('/home') },
              {
                path: '/messages',
                lazy: () =>
                  Promise.all([import('./routes/messages'), import('./loaders/messages')]).then(([m, l]) => ({
                    Component: m.MessagesRoute,
                    loader: l.messagesLoader,
                  })),
              },
              { path: '/messages/new', lazy: () => import('./routes/new-message').then((m) => ({ Component: m.NewMessageRoute })) },
              {
                path: '/messages/:threadId',
                lazy: () =>
                  Promise.all([import('./routes/thread'), import('./loaders/messages')]).then(([m, l]) => ({
                    Component: m.ThreadRoute,
                    loader: l.threadLoader,
                  })),
              },
              {
                path: '/cases',
                lazy: () =>
                  Promise.all([import('./routes/cases'), import('./loaders/cases')]).then(([m, l]) => ({
                    Component: m.CasesRoute,
                    loader: l.casesLoader,
                  })),
              },
              { path: '/cases/new', lazy: () => import('./routes/new-case').then((m) => ({ Component: m.NewCaseRoute })) },
              {
                path: '/cases/:caseId',
                lazy: () =>
                  Promise.all([import('./routes/case'), import('./loaders/cases')]).then(([m, l]) => ({
                    Component: m.CaseRoute,
                    loader: l.caseLoader,
                  })),
              },
              { path: '/dashboard', lazy: () => import('./routes/dashboard').then((m) => ({ Component: m.DashboardRoute })) },
              { path: '/home', lazy: () => import('./routes/home').then((m) => ({ Component: m.HomeRoute })) },
              // Issue 12 SHELL: the phone's "More" tab (every section not in the tab bar, the account controls).
              { path: '/more', lazy: () => import('./routes/more').then((m) => ({ Component: m.MoreRoute })) },
              // Issue 12: the portal's content (OPS, POSTS, HELP, DOCS replace these pages).
              {
                path: '/operational-info',
                lazy: () => import('./routes/operational-info').then((m) => ({ Component: m.OperationalInfoRoute })),
              },
              {
                path: '/operational-info/:noticeId',
                lazy: () => import('./routes/operational-notice').then((m) => ({ Component: m.OperationalNoticeRoute })),
              },
              { path: '/news', lazy: () => import('./routes/news').then((m) => ({ Component: m.NewsRoute })) },
              { path: '/news/:postId', lazy: () => import('./routes/news-post').then((m) => ({ Component: m.NewsPostRoute })) },
              { path: '/help', lazy: () => import('./routes/help').then((m) => ({ Component: m.HelpRoute })) },
              { path: '/help/:articleId', lazy: () => import('./routes/help-article').then((m) => ({ Component: m.HelpArticleRoute })) },
              { path: '/property', lazy: () => import('./routes/property').then((m) => ({ Component: m.PropertyRoute })) },
              { path: '/documents', lazy: () => import('./routes/documents').then((m) => ({ Component: m.DocumentsRoute })) },
              { path: '/leases', lazy: () => import('./routes/leases').then((m) => ({ Component: m.LeasesRoute })) },
              { path: '/leases/:leaseId', lazy: () => import('./routes/lease').then((m) => ({ Component: m.LeaseRoute })) },
              { path: '/organisation', lazy: () => import('./routes/organisation').then((m) => ({ Component: m.OrganisationRoute })) },
              { path: '/invoices', lazy: () => import('./routes/invoices').then((m) => ({ Component: m.InvoicesRoute })) },
              // Issue 11 PAY: the customer's payments (linked from the tab row on /invoices).
              {
                path: '/invoices/payments',
                lazy: () => import('./routes/invoice-payments').then((m) => ({ Component: m.InvoicePaymentsRoute })),
              },
              {
                path: '/invoices/direct-debit',
                lazy: () => import('./routes/direct-debit').then((m) => ({ Component: m.DirectDebitRoute })),
              },

              { path: '/invoices/:invoiceId', lazy: () => import('./routes/invoice').then((m) => ({ Component: m.InvoiceRoute })) },
              {
                path: '/settings',
                lazy: () =>
                  Promise.all([import('./routes/settings'), import('./loaders/portal')]).then(([m, l]) => ({
                    Component: m.SettingsRoute,
                    loader: l.settingsLoader,
                  })),
              },
              { path: '/settings/eid-link', lazy: () => import('./routes/eid-link').then((m) => ({ Component: m.EidLinkRoute })) },
              { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
            ],
          },
        ],
      },
    ],
  },
];

/**
 * Loads the lazy routes that match `path` and puts what they return on the route objects, as if they
 * had been written there: a router created afterwards renders that path at once, with no fallback —
 * needed to hydrate prerendered markup (and for prerendering it) with the same tree.
 */
export async function resolveLazyRoutes(table: RouteObject[], path: string): Promise<void> {
  const matches = matchRoutes(table, path) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const resolved = await route.lazy();
      Object.assign(route, resolved);
      route.lazy = undefined;
    }),
  );
}
