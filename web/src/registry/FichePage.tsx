import { Alert, Anchor, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import type { FicheAnswer } from '../api/registry';
import { formatDate } from '../format/date';
import { formatDayOf } from '../format/dateTime';
import { plural } from '../format/plural';
import { COLORS } from '../ui/colors';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { FicheSearchForm } from './FicheSearchForm';
import { JURY_ROUTE_LABELS, JURY_ROUTES, PARTNER_HABILITATION_LABELS, registrationOf } from './labels';
import { useFiche, useRegistryStatus } from './queries';
import { RegistryStatusNote } from './RegistryStatusNote';

/** `/verifier-une-inscription/:numero`: is this certification registered, and how. */
export function FichePage() {
  const { numero = '' } = useParams();
  const fiche = useFiche(numero);
  if (fiche.error instanceof ApiError && fiche.error.status === 404) return <UnknownFiche numero={numero} />;
  return (
    <QueryState query={fiche} loadingLabel="Chargement de la fiche…">
      {(answer) => <FicheView answer={answer} />}
    </QueryState>
  );
}

function BackToLookup() {
  return (
    <Anchor component={Link} to="/verifier-une-inscription">
      ← Vérifier une autre certification
    </Anchor>
  );
}

/** France compétences' own page of a fiche: « RNCP37312 » → …/recherche/rncp/37312/. */
function francecompetencesUrl(numero: string): string | undefined {
  const match = /^(RNCP|RS)(\d+)$/.exec(numero.toUpperCase());
  return match
    ? `https://www.francecompetences.fr/recherche/${match[1]?.toLowerCase()}/${match[2]}/`
    : undefined;
}

/**
 * A number the imported exports do not hold: not « unknown » but absent from what was
 * imported, and when — an excerpt or an old export may well miss a real registration.
 */
function UnknownFiche({ numero }: { numero: string }) {
  const upper = numero.toUpperCase();
  const status = useRegistryStatus();
  const part = status.data?.registries.find((r) => upper.startsWith(r.registry));
  const official = francecompetencesUrl(upper);
  return (
    <Page title={`${upper} : fiche absente des exports importés`}>
      <BackToLookup />
      <Alert color={COLORS.warning} title="Qualif ne peut pas vérifier ce numéro">
        <Stack gap="xs">
          <Text size="sm">
            {!part
              ? `${upper} ne figure dans aucun export de France compétences importé dans Qualif.`
              : part.importedAt
                ? `${upper} ne figure pas dans les exports du ${part.registry} importés dans Qualif (dernier import le ${formatDayOf(part.importedAt)}, ${plural(part.fiches, 'fiche', 'fiches')}). Qualif ne connaît que les fiches de ces exports : cela ne dit pas que la certification n’est pas inscrite.`
                : `Le ${part.registry} n’a encore jamais été importé dans Qualif : aucune fiche ${part.registry} ne peut y être vérifiée.`}
          </Text>
          {official && (
            <Text size="sm">
              <Anchor href={official} target="_blank" rel="noreferrer">
                {`Consulter ${upper} sur le site de France compétences`}
              </Anchor>
            </Text>
          )}
        </Stack>
      </Alert>
      <FicheSearchForm />
      <RegistryStatusNote />
    </Page>
  );
}

function FicheView({ answer }: { answer: FicheAnswer }) {
  const { fiche, present } = answer;
  const registration = registrationOf(fiche, present);
  const openRoutes = JURY_ROUTES.filter((r) => fiche.juries[r]?.active);
  const partners = fiche.partners.filter((p) => !p.state || p.state === 'Actif');

  return (
    <Page title={`${fiche.numero} — ${fiche.title}`}>
      <BackToLookup />
      {registration.registered ? (
        <Alert
          color={COLORS.success}
          title={`Inscrite au ${fiche.registry === 'RNCP' ? 'RNCP' : 'Répertoire spécifique'}`}
        >
          {`${registration.from ? `Enregistrement du ${formatDate(registration.from)}` : 'Enregistrement en vigueur'}${
            registration.to ? ` au ${formatDate(registration.to)}` : ', sans date de fin'
          }${fiche.level ? `, niveau ${fiche.level}` : ''}.`}
        </Alert>
      ) : (
        <Alert color={COLORS.warning} title="Pas inscrite aujourd’hui">
          Cette certification n’est pas enregistrée aujourd’hui : {registration.why}.
          {registration.from && ` Enregistrement du ${formatDate(registration.from)}`}
          {registration.to && ` au ${formatDate(registration.to)}`}
          {registration.from || registration.to ? '.' : ''}
        </Alert>
      )}
      <Group gap="xs">
        <Badge variant="outline" color="gray">
          {fiche.registry}
        </Badge>
        {fiche.abbreviation && (
          <Badge variant="outline" color="gray">
            {fiche.abbreviation.code}
          </Badge>
        )}
        {fiche.state && <Text size="sm">État de la fiche : {fiche.state}</Text>}
        {fiche.registrationType && <Text size="sm">· {fiche.registrationType}</Text>}
      </Group>

      <section aria-labelledby="certificateurs">
        <Title order={2} size="h3" id="certificateurs" mb="xs">
          Certificateurs
        </Title>
        {fiche.certifiers.length === 0 ? (
          <Text>Aucun certificateur indiqué.</Text>
        ) : (
          <List>
            {fiche.certifiers.map((c) => (
              <List.Item key={`${c.siret}-${c.name}`}>
                {c.name}
                {c.siret && ` — SIRET ${c.siret}`}
                {c.state && c.state !== 'Actif' && ` (${c.state.toLowerCase()})`}
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby="voies">
        <Title order={2} size="h3" id="voies" mb="xs">
          Voies d’accès ouvertes par jury
        </Title>
        {openRoutes.length === 0 ? (
          <Text>Aucune voie d’accès n’est indiquée sur la fiche.</Text>
        ) : (
          <List>
            {openRoutes.map((r) => (
              <List.Item key={r}>{JURY_ROUTE_LABELS[r]}</List.Item>
            ))}
          </List>
        )}
      </section>

      {fiche.registry === 'RNCP' && (
        <section aria-labelledby="blocs">
          <Title order={2} size="h3" id="blocs" mb="xs">
            Blocs de compétences
          </Title>
          {fiche.blocs.length === 0 ? (
            <Text>La fiche ne décrit pas de blocs de compétences.</Text>
          ) : (
            <Stack gap="sm">
              {fiche.blocs.map((b) => (
                <div key={b.code}>
                  <Text fw={600}>
                    {b.code} — {b.label}
                  </Text>
                  {b.competencies && (
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {b.competencies}
                    </Text>
                  )}
                  {b.assessment && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                      Évaluation : {b.assessment}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          )}
        </section>
      )}

      {(fiche.successors.length > 0 || fiche.predecessors.length > 0) && (
        <section aria-labelledby="lignee">
          <Title order={2} size="h3" id="lignee" mb="xs">
            Versions de la certification
          </Title>
          <FicheNumbers label="Remplace" numbers={fiche.predecessors} />
          <FicheNumbers label="Remplacée par" numbers={fiche.successors} />
        </section>
      )}

      <section aria-labelledby="partenaires">
        <Title order={2} size="h3" id="partenaires" mb="xs">
          Organismes habilités ({partners.length})
        </Title>
        {partners.length === 0 ? (
          <Text>Aucun organisme habilité n’est indiqué.</Text>
        ) : (
          <ListTable
            minWidth={480}
            label="Organismes habilités"
            columns={['Organisme', 'SIRET', 'Habilitation']}
          >
            {partners.slice(0, 50).map((p) => (
              <Table.Tr key={`${p.siret}-${p.habilitation}`}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.siret}</Table.Td>
                <Table.Td>{PARTNER_HABILITATION_LABELS[p.habilitation]}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
        {partners.length > 50 && <Text size="sm">Les 50 premiers sur {partners.length}.</Text>}
      </section>
      <Text size="sm" c="dimmed">
        Source : export de France compétences (Licence Ouverte 2.0), importé le{' '}
        {formatDayOf(answer.updatedAt)}.
      </Text>
    </Page>
  );
}

/** « Remplace : RNCP1, RNCP2 », each number a link to its fiche; nothing when there is none. */
function FicheNumbers({ label, numbers }: { label: string; numbers: readonly string[] }) {
  if (numbers.length === 0) return null;
  return (
    <Text>
      {label} :{' '}
      {numbers.map((n, i) => (
        <span key={n}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/verifier-une-inscription/${n}`}>
            {n}
          </Anchor>
        </span>
      ))}
    </Text>
  );
}
