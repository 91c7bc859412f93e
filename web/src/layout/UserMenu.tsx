import { Button, Group, Text } from '@mantine/core';
import { useCurrentUser } from '../auth/currentUser';
import { useSignOut } from '../auth/useSignOut';

/** Who is signed in, and the way out. */
export function UserMenu() {
  const me = useCurrentUser();
  const signOut = useSignOut();
  return (
    <Group gap="sm" wrap="nowrap">
      {signOut.isError && (
        <Text size="sm" c="red.9" role="alert">
          {`Déconnexion impossible : ${signOut.error.message}`}
        </Text>
      )}
      <Text fw={500} visibleFrom="sm">
        {me.user.displayName}
      </Text>
      <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        Se déconnecter
      </Button>
    </Group>
  );
}
