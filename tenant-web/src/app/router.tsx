import { createBrowserRouter, Navigate } from 'react-router';
import { ForgotPasswordRoute } from './routes/forgot-password';
import { InvitationRoute } from './routes/invitation';
import { LoginRoute } from './routes/login';
import { MessagesRoute } from './routes/messages';
import { NewMessageRoute } from './routes/new-message';
import { NotFoundRoute } from './routes/not-found';
import { PortalLayout } from './routes/portal-layout';
import { PublicLayout } from './routes/public-layout';
import { ResetPasswordRoute } from './routes/reset-password';
import { ThreadRoute } from './routes/thread';

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      { path: '/forgot-password', element: <ForgotPasswordRoute /> },
      { path: '/reset-password', element: <ResetPasswordRoute /> },
      { path: '/invitation/:token', element: <InvitationRoute /> },
    ],
  },
  {
    element: <PortalLayout />,
    children: [
      { path: '/', element: <Navigate to="/messages" replace /> },
      { path: '/messages', element: <MessagesRoute /> },
      { path: '/messages/new', element: <NewMessageRoute /> },
      { path: '/messages/:threadId', element: <ThreadRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
