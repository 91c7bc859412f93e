import { AppShell, Container, Group, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { Brand } from './Brand';
import { MAIN_ID, SkipLink } from './SkipLink';

type PublicLayoutProps = {
  children?: ReactNode;
  /** The content's width: narrow for forms, wider for the catalogue. */
  size?: MantineSize;
  /** What the header offers on the right, e.g. a sign-in link. */
  actions?: ReactNode;
};

/** Pages open to everyone (login, password reset, catalogue): the header and the content, no navigation. */
export function PublicLayout({ children, size = 'sm', actions }: PublicLayoutProps) {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Brand />
          {actions}
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
