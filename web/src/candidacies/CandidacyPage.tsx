import { Alert, Anchor, Badge, Group, List, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDate } from '../format/date';
import { COLORS } from '../ui/colors';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { AssessmentsPanel } from './AssessmentsPanel';
import { CandidateCard } from './CandidateCard';
import { CandidateDataActions } from './CandidateDataActions';
import {
  type Candidacy,
  type CandidacyStatus,
  candidateName,
  routeLabel,
  statusLabel,
  useCandidacy,
} from './candidacy';
import { HistoryPanel } from './HistoryPanel';
import { IdentityPanel } from './IdentityPanel';
import { JuryOutcome } from './JuryOutcome';
import { LinksPanel } from './LinksPanel';
import { PathwayPanel } from './PathwayPanel';
import { PositioningPanel } from './PositioningPanel';

/** A tab of the candidacy page: `value` is its `?onglet=` in the address. */
export type CandidacyTab = { value: string; label: string; Panel: ComponentType<{ candidacyId: string }> };

/**
 * THE TABS OF THE PAGE, in order. To add one: import its panel (a component taking
 * `{ candidacyId }`) and add ONE line here; the first tab is the one opened by default.
 */
export const CANDIDACY_TABS: readonly CandidacyTab[] = [
  { value: 'positionnement', label: 'Positionnement', Panel: PositioningPanel },
  { value: 'parcours', label: 'Parcours', Panel: PathwayPanel },
  { value: 'evaluations', label: 'Évaluations', Panel: AssessmentsPanel },
  { value: 'liens', label: 'Liens', Panel: LinksPanel },
  { value: 'historique', label: 'Historique', Panel: HistoryPanel },
  { value: 'identite', label: 'Identité', Panel: IdentityPanel },
];

const STATUS_COLORS: Record<CandidacyStatus, string> = {
  enrolled: COLORS.info,
  positioning: COLORS.info,
  pathway: COLORS.info,
  assessment: COLORS.info,
  ready_for_jury: COLORS.success,
  on_hold: COLORS.warning,
  withdrawn: COLORS.neutral,
  transferred: COLORS.neutral,
  awarded: COLORS.success,
  partially_awarded: COLORS.success,
  refused: COLORS.neutral,
};

export function CandidacyStatusBadge({ status }: { status: CandidacyStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {statusLabel(status)}
    </Badge>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** What the candidacy is: certification, route and eligibility, organisations, dates. */
function Header({ candidacy: c }: { candidacy: Candidacy }) {
  const { eligibility } = c;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <CandidacyStatusBadge status={c.status} />
        {c.status === 'on_hold' && c.heldFrom && (
          <Text size="sm">Mis en pause à l’étape « {statusLabel(c.heldFrom)} »</Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <Fact label="Certification">
          <Anchor component={Link} to={`/catalogue/${c.certificationId}`}>
            {c.certification.code} — {c.certification.title}
          </Anchor>
          <Text size="sm">
            Référentiel version {c.frameworkVersion} ·{' '}
            {c.wholeCertification ? 'certification entière' : `blocs ${c.blocCodes.join(', ')}`}
          </Text>
        </Fact>
        <Fact label="Voie d’accès">{routeLabel(c)}</Fact>
        <Fact label="Organisme de formation">{c.trainingOrganisation.name}</Fact>
        <Fact label="Employeur">{c.employer?.name ?? 'Aucun'}</Fact>
        <Fact label="Entrée">{formatDate(c.enrolledOn)}</Fact>
        <Fact label="Éligibilité">
          {eligibility.status === 'open'
            ? `Voie ouverte le ${formatDate(eligibility.checkedOn)}`
            : 'Voie ouverte sous réserve : informations à compléter'}
        </Fact>
      </SimpleGrid>
      {eligibility.status === 'incomplete' && eligibility.missing.length > 0 && (
        <Alert color={COLORS.warning} title="À compléter">
          <List size="sm">
            {eligibility.missing.map((m) => (
              <List.Item key={m.field}>{m.label}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {c.transferredToId && (
        <Anchor component={Link} to={`/candidatures/${c.transferredToId}`}>
          Voir la suite du parcours dans l’organisme qui l’a repris
        </Anchor>
      )}
      {c.transferredFromId && (
        <Anchor component={Link} to={`/candidatures/${c.transferredFromId}`}>
          Voir le parcours d’origine (avant le transfert)
        </Anchor>
      )}
      {c.jury && (
        <Stack gap={6} component="section" aria-labelledby="decision-jury">
          <Title order={2} size="h4" id="decision-jury">
            Décision du jury
          </Title>
          <JuryOutcome jury={c.jury} />
        </Stack>
      )}
    </Stack>
  );
}

function CandidacyView({ candidacy }: { candidacy: Candidacy }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('onglet');
  const tab = CANDIDACY_TABS.find((t) => t.value === asked) ?? CANDIDACY_TABS[0];
  // Changing tab keeps the address shareable, without a history entry per click.
  const select = (value: string | null) => {
    if (CANDIDACY_TABS.some((t) => t.value === value))
      setParams({ onglet: value as string }, { replace: true });
  };
  return (
    // The document title names no one: browser history and tabs are no place for personal data.
    <Page title={candidateName(candidacy.candidate)} documentTitle="Parcours d’un candidat">
      <Header candidacy={candidacy} />
      <CandidateCard candidateId={candidacy.candidateId} />
      <CandidateDataActions candidateId={candidacy.candidateId} />
      <Tabs value={tab?.value ?? null} onChange={select} keepMounted={false}>
        <Tabs.List aria-label="Sections du parcours" mb="md">
          {CANDIDACY_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CANDIDACY_TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel candidacyId={candidacy.id} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}

/** `/candidatures/:id?onglet=…`: one candidacy, its steps and everything recorded along them. */
export function CandidacyPage() {
  const { id = '' } = useParams();
  const candidacy = useCandidacy(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/candidatures">
        ← Les candidatures
      </Anchor>
      {candidacy.isPending && <Loading label="Chargement du parcours…" />}
      {candidacy.isError && (
        <Page title="Parcours indisponible">
          <ProblemAlert error={candidacy.error} />
        </Page>
      )}
      {candidacy.data && <CandidacyView candidacy={candidacy.data} />}
    </Stack>
  );
}
