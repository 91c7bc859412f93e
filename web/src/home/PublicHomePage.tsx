import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { SearchForm } from '../catalogue/SearchForm';
import { publicNavigation } from '../layout/navigation';
import { Page } from '../ui/Page';

/** What each public tool is for; the tools themselves are the public navigation's. */
const DOOR_TEXT: Record<string, string> = {
  '/verifier-une-inscription':
    'Une certification est-elle inscrite au RNCP ou au Répertoire spécifique ? Par numéro de fiche ou par intitulé.',
  '/verifier':
    'Un certificat ou une attestation de blocs délivrés par Qualif est-il authentique et valide ? Par son code, ou en déposant le PDF.',
  '/simuler':
    'Pour une certification, une situation et une date : les voies d’accès ouvertes et qui peut les financer.',
  '/regles-d-acces':
    'Les règles que Qualif applique, avec leur texte, leur source juridique et leurs dates d’effet.',
};
const DOORS = publicNavigation.flatMap((item) => {
  const text = DOOR_TEXT[item.to];
  return text ? [{ ...item, text }] : [];
});

/** `/` for visitors not signed in: search the catalogue, or take one of the public tools. */
export function PublicHomePage() {
  const navigate = useNavigate();
  return (
    <Page title="Les certifications des branches professionnelles" documentTitle="Accueil">
      <Text>
        Qualif publie les certificats de qualification professionnelle (CQP) des branches : leurs
        référentiels, leur reconnaissance, les organismes habilités et les voies d’accès.
      </Text>
      <SearchForm
        value=""
        onSearch={(q) => navigate(q.trim() ? `/catalogue?q=${encodeURIComponent(q.trim())}` : '/catalogue')}
      />
      <Anchor component={Link} to="/catalogue">
        Parcourir tout le catalogue
      </Anchor>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {DOORS.map((door) => (
          <Card withBorder key={door.to} component="section" aria-labelledby={`porte-${door.to.slice(1)}`}>
            <Stack gap="xs">
              <Title order={2} size="h3" id={`porte-${door.to.slice(1)}`}>
                <Anchor component={Link} to={door.to} inherit>
                  {door.label}
                </Anchor>
              </Title>
              <Text size="sm">{door.text}</Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Text>
        Vous travaillez pour une branche, un organisme ou un jury ?{' '}
        <Anchor component={Link} to="/connexion">
          Connectez-vous
        </Anchor>
        .
      </Text>
    </Page>
  );
}
