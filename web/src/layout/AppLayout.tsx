import { AppShell, Burger, Container, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { Brand } from './Brand';
import { MainNav } from './MainNav';
import { MAIN_ID, SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

const NAV_ID = 'navigation-principale';

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
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Fermer le menu' : 'Ouvrir le menu'}
              aria-expanded={opened}
              aria-controls={NAV_ID}
            />
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
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
