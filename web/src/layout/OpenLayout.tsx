import { CurrentUserContext } from '../auth/currentUser';
import { useMe } from '../auth/me';
import { Loading } from '../ui/Loading';
import { AppLayout } from './AppLayout';
import { PublicLayout } from './PublicLayout';

/**
 * Pages anyone may read (home, catalogue, registry lookup, simulator, rules): with the
 * signed-in layout and its navigation for someone signed in, else the public one.
 */
export function OpenLayout() {
  const me = useMe();
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
  return <PublicLayout size="lg" />;
}
