import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Grant } from '../api/types';
import { ROLE_DUTIES, ROLE_SPACES, roleLabel, scopeLabel } from '../roles';

/** The link to a role's own space, when it has one. */
function SpaceLink({ role }: { role: Grant['role'] }) {
  const space = ROLE_SPACES[role];
  return space ? (
    <Anchor component={Link} to={space.to} mt="xs" display="inline-block">
      {space.label}
    </Anchor>
  ) : null;
}

/** The person's roles, each with its scope and what it lets them do in Qualif. */
export function RoleList({ grants }: { grants: Grant[] }) {
  return (
    <section aria-labelledby="vos-roles">
      <Title order={2} size="h3" id="vos-roles" mb="sm">
        {grants.length > 1 ? 'Vos rôles' : 'Votre rôle'}
      </Title>
      {grants.length === 0 ? (
        <Text>
          Aucun rôle ne vous est attribué pour l'instant : adressez-vous à l'administration de Qualif.
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {grants.map((grant) => (
            <Card component="li" withBorder key={`${grant.role}:${grant.scope.type}:${grant.scope.id ?? ''}`}>
              <Text fw={700}>{roleLabel(grant.role)}</Text>
              <Text size="sm" c="dimmed">
                {scopeLabel(grant)}
              </Text>
              <Text mt="xs">{ROLE_DUTIES[grant.role]}</Text>
              <SpaceLink role={grant.role} />
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
