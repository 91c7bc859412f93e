import { NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/currentUser';
import { navigationFor } from './navigation';

function isActive(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The links of the signed-in person's roles. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const me = useCurrentUser();
  const { pathname } = useLocation();
  return navigationFor(me.roles.map((grant) => grant.role)).map((item) => {
    const active = isActive(item.to, pathname);
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
      />
    );
  });
}
