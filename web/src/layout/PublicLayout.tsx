import { AppShell, Button, Container, Group, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { loginPath } from '../auth/returnPath';
import { Brand } from './Brand';
import { PublicNav } from './PublicNav';
import { MAIN_ID, SkipLink } from './SkipLink';

type PublicLayoutProps = {
  children?: ReactNode;
  /** The content's width: narrow for forms, wider for the catalogue. */
  size?: MantineSize;
};

/** The way in, back to the page being read; not offered on the login page itself. */
function SignInLink() {
  const location = useLocation();
  if (location.pathname === '/connexion') return null;
  return (
    <Button component={Link} to={loginPath(location.pathname + location.search)} variant="default">
      Se connecter
    </Button>
  );
}

/**
 * Pages for people not signed in (home, catalogue, registry lookup, simulator, rules, login,
 * password reset): the header with the public links and the way to sign in, then the content.
 */
export function PublicLayout({ children, size = 'sm' }: PublicLayoutProps) {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Brand />
          <Group gap="sm" wrap="nowrap">
            <PublicNav />
            <SignInLink />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Container size={size} py="lg">
          {children ?? <Outlet />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
