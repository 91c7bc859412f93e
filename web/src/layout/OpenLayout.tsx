import { Button } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { CurrentUserContext } from '../auth/currentUser';
import { useMe } from '../auth/me';
import { loginPath } from '../auth/returnPath';
import { Loading } from '../ui/Loading';
import { AppLayout } from './AppLayout';
import { PublicLayout } from './PublicLayout';

/**
 * Pages anyone may read (the public catalogue): with the signed-in layout and its
 * navigation for someone signed in, else the public one with a way to sign in.
 */
export function OpenLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <PublicLayout size="lg">
        <Loading />
      </PublicLayout>
    );
  }
  if (me.data) {
    return (
      <CurrentUserContext value={me.data}>
        <AppLayout />
      </CurrentUserContext>
    );
  }
  return (
    <PublicLayout
      size="lg"
      actions={
        <Button component={Link} to={loginPath(location.pathname + location.search)} variant="default">
          Se connecter
        </Button>
      }
    />
  );
}
