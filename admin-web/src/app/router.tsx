import { createBrowserRouter } from 'react-router';
import { AppLayout } from './routes/app-layout';
import { CaseRoute } from './routes/case';
import { CaseInformRoute } from './routes/case-inform';
import { CaseNewRoute } from './routes/case-new';
import { CasesRoute } from './routes/cases';
import { CustomerRoute } from './routes/customer';
import { CustomersRoute } from './routes/customers';
import { DashboardRoute } from './routes/dashboard';
import { ForgotPasswordRoute } from './routes/forgot-password';
import { LoginRoute } from './routes/login';
import { MessageNewRoute } from './routes/message-new';
import { MessageThreadRoute } from './routes/message-thread';
import { MessagesRoute } from './routes/messages';
import { NotFoundRoute } from './routes/not-found';
import { ObjectsRoute } from './routes/objects';
import { PublicLayout } from './routes/public-layout';
import { ResetPasswordRoute } from './routes/reset-password';
import { HomeRedirect, NotForTechnicians } from './routes/role-gate';
import { RouteError } from './routes/route-error';
import { SettingsRoute } from './routes/settings';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/login', element: <LoginRoute /> },
          { path: '/forgot-password', element: <ForgotPasswordRoute /> },
          { path: '/reset-password', element: <ResetPasswordRoute /> },
        ],
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: '/cases', element: <CasesRoute /> },
          { path: '/cases/:caseId', element: <CaseRoute /> },
          {
            element: <NotForTechnicians />,
            children: [
              { path: '/messages', element: <MessagesRoute /> },
              { path: '/messages/new', element: <MessageNewRoute /> },
              { path: '/messages/:threadId', element: <MessageThreadRoute /> },
              { path: '/customers', element: <CustomersRoute /> },
              { path: '/customers/:customerId', element: <CustomerRoute /> },
              { path: '/cases/new', element: <CaseNewRoute /> },
              { path: '/cases/inform', element: <CaseInformRoute /> },
              { path: '/objects', element: <ObjectsRoute /> },
              { path: '/dashboard', element: <DashboardRoute /> },
              { path: '/settings', element: <SettingsRoute /> },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
