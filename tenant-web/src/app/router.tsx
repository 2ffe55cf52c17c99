import { createBrowserRouter, Navigate } from 'react-router';
import { CaseRoute } from './routes/case';
import { CasesRoute } from './routes/cases';
import { ConfirmEmailRoute } from './routes/confirm-email';
import { DashboardRoute } from './routes/dashboard';
import { EidLinkRoute } from './routes/eid-link';
import { ForgotPasswordRoute } from './routes/forgot-password';
import { InvitationRoute } from './routes/invitation';
import { InvoicesRoute } from './routes/invoices';
import { LoginRoute } from './routes/login';
import { MessagesRoute } from './routes/messages';
import { NewCaseRoute } from './routes/new-case';
import { NewMessageRoute } from './routes/new-message';
import { NotFoundRoute } from './routes/not-found';
import { OrganisationRoute } from './routes/organisation';
import { PortalLayout } from './routes/portal-layout';
import { PublicLayout } from './routes/public-layout';
import { ResetPasswordRoute } from './routes/reset-password';
import { SettingsRoute } from './routes/settings';
import { SignupRoute } from './routes/signup';
import { SignupVerifyRoute } from './routes/signup-verify';
import { ThreadRoute } from './routes/thread';

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      { path: '/signup', element: <SignupRoute /> },
      { path: '/signup/verify', element: <SignupVerifyRoute /> },
      { path: '/forgot-password', element: <ForgotPasswordRoute /> },
      { path: '/reset-password', element: <ResetPasswordRoute /> },
      { path: '/invitation/:token', element: <InvitationRoute /> },
      { path: '/confirm-email', element: <ConfirmEmailRoute /> },
    ],
  },
  {
    element: <PortalLayout />,
    children: [
      { path: '/', element: <Navigate to="/messages" replace /> },
      { path: '/messages', element: <MessagesRoute /> },
      { path: '/messages/new', element: <NewMessageRoute /> },
      { path: '/messages/:threadId', element: <ThreadRoute /> },
      { path: '/cases', element: <CasesRoute /> },
      { path: '/cases/new', element: <NewCaseRoute /> },
      { path: '/cases/:caseId', element: <CaseRoute /> },
      { path: '/dashboard', element: <DashboardRoute /> },
      { path: '/organisation', element: <OrganisationRoute /> },
      { path: '/invoices', element: <InvoicesRoute /> },
      { path: '/settings', element: <SettingsRoute /> },
      { path: '/settings/eid-link', element: <EidLinkRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
