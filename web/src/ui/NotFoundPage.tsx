import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from './Page';

export function NotFoundPage() {
  return (
    <Page title="Page introuvable">
      <Text>L'adresse demandée ne correspond à aucune page de Qualif.</Text>
      <Anchor component={Link} to="/">
        Retour à l'accueil
      </Anchor>
    </Page>
  );
}
