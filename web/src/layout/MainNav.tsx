import { NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/currentUser';
import { isActive, type NavItem, navigationFor } from './navigation';

/** A column of links, the current page's marked; `onNavigate` closes the menu holding them. */
export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate: () => void }) {
  const { pathname } = useLocation();
  return items.map((item) => {
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

/** The links of the signed-in person's roles. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const me = useCurrentUser();
  return <NavLinks items={navigationFor(me.roles.map((grant) => grant.role))} onNavigate={onNavigate} />;
}
