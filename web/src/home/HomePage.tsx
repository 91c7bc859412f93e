import { Text } from '@mantine/core';
import { useCurrentUser } from '../auth/currentUser';
import { Page } from '../ui/Page';
import { RoleList } from './RoleList';

export function HomePage() {
  const me = useCurrentUser();
  return (
    <Page title={`Bienvenue, ${me.user.displayName}`} documentTitle="Accueil">
      <Text>{`Connecté·e en tant que ${me.user.email}`}</Text>
      <RoleList grants={me.roles} />
    </Page>
  );
}
