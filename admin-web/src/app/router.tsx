import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './routes/app-layout';
import { CustomerRoute } from './routes/customer';
import { CustomersRoute } from './routes/customers';
import { ForgotPasswordRoute } from './routes/forgot-password';
import { LoginRoute } from './routes/login';
import { MessageNewRoute } from './routes/message-new';
import { MessageThreadRoute } from './routes/message-thread';
import { MessagesRoute } from './routes/messages';
import { NotFoundRoute } from './routes/not-found';
import { PublicLayout } from './routes/public-layout';
import { ResetPasswordRoute } from './routes/reset-password';
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
          { index: true, element: <Navigate to="/messages" replace /> },
          { path: '/messages', element: <MessagesRoute /> },
          { path: '/messages/new', element: <MessageNewRoute /> },
          { path: '/messages/:threadId', element: <MessageThreadRoute /> },
          { path: '/customers', element: <CustomersRoute /> },
          { path: '/customers/:customerId', element: <CustomerRoute /> },
          { path: '/settings', element: <SettingsRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
