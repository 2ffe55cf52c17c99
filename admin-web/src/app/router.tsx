import { createBrowserRouter } from 'react-router';
import { Loading } from '@/components/loading';
import { queryClient } from '@/lib/query-client';
import { RouteError } from './routes/route-error';

/**
 * Every page is its own chunk (`lazy`), so the sign-in page loads none of the console's pages. The
 * layout's loader fetches the signed-in user into the query cache (the same query options as `useMe`),
 * so the layout renders from the cache; a failure is left to the layout, which sends the user to /login.
 */
const appLayout = () =>
  Promise.all([import('./routes/app-layout'), import('@/features/auth/api/get-me')]).then(([layout, me]) => ({
    Component: layout.AppLayout,
    loader: () =>
      queryClient.ensureQueryData(me.meQueryOptions()).then(
        () => null,
        () => null,
      ),
  }));

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        lazy: () => import('./routes/public-layout').then((m) => ({ Component: m.PublicLayout })),
        children: [
          { path: '/login', lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })) },
          { path: '/forgot-password', lazy: () => import('./routes/forgot-password').then((m) => ({ Component: m.ForgotPasswordRoute })) },
          { path: '/reset-password', lazy: () => import('./routes/reset-password').then((m) => ({ Component: m.ResetPasswordRoute })) },
          {
            path: '/staff-invitation/:token',
            lazy: () => import('./routes/staff-invitation').then((m) => ({ Component: m.StaffInvitationRoute })),
          },
        ],
      },
      {
        lazy: appLayout,
        children: [
          { index: true, lazy: () => import('./routes/role-gate').then((m) => ({ Component: m.HomeRedirect })) },
          { path: '/cases', lazy: () => import('./routes/cases').then((m) => ({ Component: m.CasesRoute })) },
          { path: '/cases/:caseId', lazy: () => import('./routes/case').then((m) => ({ Component: m.CaseRoute })) },
          {
            lazy: () => import('./routes/role-gate').then((m) => ({ Component: m.NotForTechnicians })),
            children: [
              { path: '/messages', lazy: () => import('./routes/messages').then((m) => ({ Component: m.MessagesRoute })) },
              { path: '/messages/new', lazy: () => import('./routes/message-new').then((m) => ({ Component: m.MessageNewRoute })) },
              {
                path: '/messages/:threadId',
                lazy: () => import('./routes/message-thread').then((m) => ({ Component: m.MessageThreadRoute })),
              },
              { path: '/customers', lazy: () => import('./routes/customers').then((m) => ({ Component: m.CustomersRoute })) },
              { path: '/customers/new', lazy: () => import('./routes/customer-new').then((m) => ({ Component: m.CustomerNewRoute })) },
              { path: '/customers/:customerId', lazy: () => import('./routes/customer').then((m) => ({ Component: m.CustomerRoute })) },
              { path: '/properties', lazy: () => import('./routes/properties').then((m) => ({ Component: m.PropertiesRoute })) },
              { path: '/properties/new', lazy: () => import('./routes/property-edit').then((m) => ({ Component: m.PropertyEditRoute })) },
              { path: '/properties/:propertyId', lazy: () => import('./routes/property').then((m) => ({ Component: m.PropertyRoute })) },
              {
                path: '/properties/:propertyId/edit',
                lazy: () => import('./routes/property-edit').then((m) => ({ Component: m.PropertyEditRoute })),
              },
              { path: '/cases/new', lazy: () => import('./routes/case-new').then((m) => ({ Component: m.CaseNewRoute })) },
              { path: '/cases/inform', lazy: () => import('./routes/case-inform').then((m) => ({ Component: m.CaseInformRoute })) },
              { path: '/leases', lazy: () => import('./routes/leases').then((m) => ({ Component: m.LeasesRoute })) },
              { path: '/leases/new', lazy: () => import('./routes/lease-new').then((m) => ({ Component: m.LeaseNewRoute })) },
              { path: '/leases/:leaseId', lazy: () => import('./routes/lease').then((m) => ({ Component: m.LeaseRoute })) },
              { path: '/leases/:leaseId/edit', lazy: () => import('./routes/lease-edit').then((m) => ({ Component: m.LeaseEditRoute })) },
              { path: '/objects', lazy: () => import('./routes/objects').then((m) => ({ Component: m.ObjectsRoute })) },
              { path: '/dashboard', lazy: () => import('./routes/dashboard').then((m) => ({ Component: m.DashboardRoute })) },
              {
                lazy: () => import('./routes/role-gate').then((m) => ({ Component: m.BillingReaders })),
                children: [
                  {
                    lazy: () => import('./routes/billing-layout').then((m) => ({ Component: m.BillingLayout })),
                    // Issue 11: RUN, PAY and MANDATE add their pages here (paths under /billing).
                    children: [
                      // RUN: invoices, billing runs, aged debt, billing settings.
                      {
                        path: '/billing',
                        lazy: () => import('./routes/billing-invoices').then((m) => ({ Component: m.BillingInvoicesRoute })),
                      },
                      {
                        path: '/billing/invoices/:invoiceId',
                        lazy: () => import('./routes/billing-invoice').then((m) => ({ Component: m.BillingInvoiceRoute })),
                      },
                      {
                        path: '/billing/runs',
                        lazy: () => import('./routes/billing-runs').then((m) => ({ Component: m.BillingRunsRoute })),
                      },
                      {
                        path: '/billing/aged-debt',
                        lazy: () => import('./routes/billing-aged-debt').then((m) => ({ Component: m.BillingAgedDebtRoute })),
                      },
                      {
                        path: '/billing/settings',
                        lazy: () => import('./routes/billing-settings').then((m) => ({ Component: m.BillingSettingsRoute })),
                      },
                      {
                        path: '/billing/mandates',
                        lazy: () => import('./routes/billing-mandates').then((m) => ({ Component: m.BillingMandatesRoute })),
                      },
                      {
                        path: '/billing/collections',
                        lazy: () => import('./routes/billing-collections').then((m) => ({ Component: m.BillingCollectionsRoute })),
                      },
                      // PAY
                      {
                        path: '/billing/payments',
                        lazy: () => import('./routes/billing-payments').then((m) => ({ Component: m.BillingPaymentsRoute })),
                      },
                      {
                        path: '/billing/unmatched',
                        lazy: () => import('./routes/billing-payments').then((m) => ({ Component: m.BillingUnmatchedRoute })),
                      },
                      {
                        path: '/billing/imports',
                        lazy: () => import('./routes/billing-payments').then((m) => ({ Component: m.BillingImportsRoute })),
                      },
                    ],
                  },
                ],
              },
              {
                lazy: () => import('./routes/role-gate').then((m) => ({ Component: m.AdminsAndManagers })),
                children: [
                  {
                    lazy: () => import('./routes/content-layout').then((m) => ({ Component: m.ContentLayout })),
                    // Issue 12: the portal's content. OPS, POSTS, HELP and DOCS add their pages here.
                    children: [
                      // OPS: operational notices.
                      {
                        path: '/content',
                        lazy: () => import('./routes/content-notices').then((m) => ({ Component: m.ContentNoticesRoute })),
                      },
                      {
                        path: '/content/notices/new',
                        lazy: () => import('./routes/content-notice-new').then((m) => ({ Component: m.ContentNoticeNewRoute })),
                      },
                      {
                        path: '/content/notices/:noticeId',
                        lazy: () => import('./routes/content-notice').then((m) => ({ Component: m.ContentNoticeRoute })),
                      },
                      // POSTS: news, bulletin board, area information.
                      {
                        path: '/content/posts',
                        lazy: () => import('./routes/content-posts').then((m) => ({ Component: m.ContentPostsRoute })),
                      },
                      {
                        path: '/content/posts/new',
                        lazy: () => import('./routes/content-post').then((m) => ({ Component: m.ContentPostNewRoute })),
                      },
                      {
                        path: '/content/posts/:postId',
                        lazy: () => import('./routes/content-post').then((m) => ({ Component: m.ContentPostRoute })),
                      },
                      // HELP: help-centre articles.
                      {
                        path: '/content/help',
                        lazy: () => import('./routes/content-help').then((m) => ({ Component: m.ContentHelpRoute })),
                      },
                      {
                        path: '/content/help/new',
                        lazy: () => import('./routes/content-help-article').then((m) => ({ Component: m.ContentHelpArticleRoute })),
                      },
                      {
                        path: '/content/help/:articleId',
                        lazy: () => import('./routes/content-help-article').then((m) => ({ Component: m.ContentHelpArticleRoute })),
                      },
                      // DOCS: documents.
                      {
                        path: '/content/documents',
                        lazy: () => import('./routes/content-documents').then((m) => ({ Component: m.ContentDocumentsRoute })),
                      },
                    ],
                  },
                ],
              },
              {
                lazy: () => import('./routes/settings-layout').then((m) => ({ Component: m.SettingsLayout })),
                children: [
                  { path: '/settings', lazy: () => import('./routes/settings').then((m) => ({ Component: m.SettingsRoute })) },
                  {
                    lazy: () => import('./routes/role-gate').then((m) => ({ Component: m.AdminsOnly })),
                    children: [
                      { path: '/staff', lazy: () => import('./routes/staff-users').then((m) => ({ Component: m.StaffUsersRoute })) },
                      { path: '/staff/:staffId', lazy: () => import('./routes/staff-user').then((m) => ({ Component: m.StaffUserRoute })) },
                      { path: '/settings/api-keys', lazy: () => import('./routes/api-keys').then((m) => ({ Component: m.ApiKeysRoute })) },
                    ],
                  },
                  {
                    lazy: () => import('./routes/role-gate').then((m) => ({ Component: m.AdminsAndManagers })),
                    children: [
                      { path: '/settings/webhooks', lazy: () => import('./routes/webhooks').then((m) => ({ Component: m.WebhooksRoute })) },
                      {
                        path: '/settings/webhooks/:endpointId',
                        lazy: () => import('./routes/webhook-endpoint').then((m) => ({ Component: m.WebhookEndpointRoute })),
                      },
                    ],
                  },
                  { path: '/imports', lazy: () => import('./routes/imports').then((m) => ({ Component: m.ImportsRoute })) },
                  { path: '/imports/:importId', lazy: () => import('./routes/import').then((m) => ({ Component: m.ImportRoute })) },
                ],
              },
            ],
          },
          { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
        ],
      },
    ],
  },
]);
