import { Navigate, Outlet, useLocation } from 'react-router';
import { PublicLayout } from '../layout/PublicLayout';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { CurrentUserContext } from './currentUser';
import { useMe } from './me';
import { loginPath } from './returnPath';

/** Lets signed-in people through; sends anyone else to the login page, and back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <PublicLayout>
        <Loading label="Vérification de votre session…" />
      </PublicLayout>
    );
  }
  if (me.isError) {
    return (
      <PublicLayout>
        <ProblemAlert error={me.error} title="Impossible de vérifier votre session" />
      </PublicLayout>
    );
  }
  if (!me.data) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return (
    <CurrentUserContext value={me.data}>
      <Outlet />
    </CurrentUserContext>
  );
}
