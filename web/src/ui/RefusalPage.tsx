import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from './Page';

type RefusalPageProps =
  /** The address matches no page. */
  | { reason: 'notFound' }
  /** The page exists but is not for this person: `reservedTo` says for whom (« à l’administration… »). */
  | { reason: 'forbidden'; reservedTo: string };

/**
 * The one page shown instead of a page the person may not open, or of an address that leads
 * nowhere: a heading, why, and the ways on. Nothing of the refused page is rendered.
 */
export function RefusalPage(props: RefusalPageProps) {
  const forbidden = props.reason === 'forbidden';
  return (
    <Page title={forbidden ? 'Accès refusé' : 'Page introuvable'}>
      <Text>
        {forbidden
          ? `Cette page est réservée ${props.reservedTo}. Si vous pensez devoir y accéder, adressez-vous à l’administration de Qualif.`
          : 'L’adresse demandée ne correspond à aucune page de Qualif. Vérifiez-la, ou repartez de l’accueil.'}
      </Text>
      <Group gap="lg">
        <Anchor component={Link} to="/">
          Retour à l’accueil
        </Anchor>
        <Anchor component={Link} to="/catalogue">
          Consulter le catalogue
        </Anchor>
      </Group>
    </Page>
  );
}
