import { Navigate, Outlet } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';

/** Technicians work their assigned cases only; everything else sends them to the queue. */
export function NotForTechnicians() {
  const me = useMe();
  if (me.data?.role === 'technician') return <Navigate to="/cases" replace />;
  return <Outlet />;
}

/** The start page: the queue for technicians, the inbox for everyone else. */
export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={me.data?.role === 'technician' ? '/cases' : '/messages'} replace />;
}

/** Staff users are the admin's alone (issue 9): others go to their start page. */
export function AdminsOnly() {
  const me = useMe();
  if (me.data && me.data.role !== 'admin') return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Integration settings (webhooks, issue 10) are for admins and managers. */
export function AdminsAndManagers() {
  const me = useMe();
  if (me.data && me.data.role !== 'admin' && me.data.role !== 'manager') return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Money (issue 11): admins, finance and managers read it; technicians see nothing of it. */
export function BillingReaders() {
  const me = useMe();
  if (me.data && me.data.role === 'technician') return <Navigate to="/" replace />;
  return <Outlet />;
}
