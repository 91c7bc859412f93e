import { Button, Drawer, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { NavLinks } from './MainNav';
import { MenuButton } from './MenuButton';
import { isActive, publicNavigation } from './navigation';

const LABEL = 'Navigation publique';

/**
 * The public pages' links: in the header from the md breakpoint, else behind a menu button
 * opening a drawer (rendered only while open, so the page has one such navigation).
 */
export function PublicNav() {
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <>
      <Group component="nav" aria-label={LABEL} gap={4} visibleFrom="md" wrap="nowrap">
        {publicNavigation.map((item) => (
          <Button
            key={item.to}
            component={Link}
            to={item.to}
            variant={isActive(item.to, pathname) ? 'light' : 'subtle'}
            aria-current={isActive(item.to, pathname) ? 'page' : undefined}
          >
            {item.label}
          </Button>
        ))}
      </Group>
      <MenuButton opened={opened} onClick={toggle} hiddenFrom="md" />
      <Drawer
        opened={opened}
        onClose={close}
        title="Menu"
        size="xs"
        closeButtonProps={{ 'aria-label': 'Fermer le menu' }}
      >
        <nav aria-label={LABEL}>
          <NavLinks items={publicNavigation} onNavigate={close} />
        </nav>
      </Drawer>
    </>
  );
}
