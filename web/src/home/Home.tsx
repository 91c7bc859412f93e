import { useMe } from '../auth/me';
import { HomePage } from './HomePage';
import { PublicHomePage } from './PublicHomePage';

/** `/`: the signed-in person's home, or the public one (OpenLayout has settled who is there). */
export function Home() {
  const me = useMe();
  return me.data ? <HomePage /> : <PublicHomePage />;
}
