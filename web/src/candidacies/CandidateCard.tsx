import { Accordion, Alert, SimpleGrid, Text } from '@mantine/core';
import { COLORS } from '../ui/colors';
import { ProblemAlert } from '../ui/ProblemAlert';
import { type Candidate, useCandidate } from './candidacy';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** A birth date whose day or month may be unknown: « 3 mars 1990 », « mars 1990 », « 1990 ». */
export function formatPartialDate({ year, month, day }: Candidate['birthDate']): string {
  if (month === undefined) return String(year);
  const monthYear = `${MONTHS[month - 1] ?? month} ${year}`;
  if (day === undefined) return monthYear;
  return `${day === 1 ? '1er' : day} ${monthYear}`;
}

function birthPlaceOf(place: Candidate['birthPlace']): string {
  return 'communeInsee' in place
    ? `Commune INSEE ${place.communeInsee}`
    : `Hors de France, pays INSEE ${place.countryInsee}`;
}

function Item({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text style={{ overflowWrap: 'anywhere' }}>{value || '—'}</Text>
    </div>
  );
}

function IdentityFields({ candidate: c }: { candidate: Candidate }) {
  const address = c.address
    ? [c.address.street, c.address.complement, `${c.address.postalCode} ${c.address.city}`, c.address.country]
        .filter(Boolean)
        .join(', ')
    : null;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        <Item label="Nom de naissance" value={c.birthName} />
        <Item label="Nom d’usage" value={c.usageName} />
        <Item label="Prénoms" value={c.firstNames.join(', ')} />
        <Item label="Sexe" value={c.sex === 'F' ? 'Féminin' : 'Masculin'} />
        <Item label="Date de naissance" value={formatPartialDate(c.birthDate)} />
        <Item label="Lieu de naissance" value={birthPlaceOf(c.birthPlace)} />
        <Item label="Adresse e-mail" value={c.email} />
        <Item label="Téléphone" value={c.phone} />
        <Item label="Adresse postale" value={address} />
        <Item label="Numéro de sécurité sociale (masqué)" value={c.nir} />
        <Item label="Compte Qualif" value={c.hasAccount ? 'Créé' : 'Pas encore de compte'} />
      </SimpleGrid>
      {c.warnings.length > 0 && (
        <Alert color={COLORS.warning} title="À vérifier" mt="sm">
          {c.warnings.map((w) => (
            <Text key={w.field} size="sm">
              {w.detail}
            </Text>
          ))}
        </Alert>
      )}
    </>
  );
}

/**
 * The candidate's identity card (NIR masked), folded: shown only to those the API lets read it
 * (nothing at all for the others).
 */
export function CandidateCard({ candidateId }: { candidateId: string }) {
  const candidate = useCandidate(candidateId);
  if (candidate.isError) return <ProblemAlert error={candidate.error} title="Identité indisponible" />;
  if (!candidate.data) return null;
  return (
    <Accordion variant="contained">
      <Accordion.Item value="identite">
        <Accordion.Control>Identité du candidat</Accordion.Control>
        <Accordion.Panel>
          <IdentityFields candidate={candidate.data} />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
