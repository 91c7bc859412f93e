import { AppShell, Container, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/currentUser';
import { RefusalPage } from '../ui/RefusalPage';
import { Brand } from './Brand';
import { MainNav } from './MainNav';
import { MenuButton } from './MenuButton';
import { refusedArea } from './navigation';
import { MAIN_ID, SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

const NAV_ID = 'navigation-principale';

/** The page, or the refusal page when it lies in an area the person's roles may not open. */
function GuardedOutlet() {
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const refused = refusedArea(
    pathname,
    me.roles.map((grant) => grant.role),
  );
  return refused ? <RefusalPage reason="forbidden" reservedTo={refused.reservedTo} /> : <Outlet />;
}

/** The signed-in pages: header, role-based navigation (a drawer on small screens), content. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const small = useMediaQuery('(max-width: 48em)');
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <MenuButton opened={opened} onClick={toggle} hiddenFrom="sm" controls={NAV_ID} />
            <Brand />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      {/* Off screen when collapsed on a small screen: inert keeps its links out of the tab order. */}
      <AppShell.Navbar id={NAV_ID} p="sm" aria-label="Navigation principale" inert={small && !opened}>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Container size="lg" py="md">
          <GuardedOutlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
