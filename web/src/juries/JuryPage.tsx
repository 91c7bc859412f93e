import { Alert, Anchor, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AWARD_KIND_LABELS } from '../../../src/contracts/juries';
import { useCurrentUser } from '../auth/currentUser';
import { formatDate } from '../format/date';
import { COLORS } from '../ui/colors';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { AttendancePanel } from './AttendancePanel';
import { AwardsPanel } from './AwardsPanel';
import { DeliberationPanel } from './DeliberationPanel';
import { JuryStatusBadge, placeLabel, whenLabel } from './JuryStatusBadge';
import { type CloseAnswer, type Jury, useJury } from './juries';
import { MinutesPanel } from './MinutesPanel';

/** A labelled value of the session's header. */
function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function JuryView({ jury }: { jury: Jury }) {
  const me = useCurrentUser();
  const staff = me.roles.some((g) => g.role === 'admin' || g.role === 'branch_manager');
  const [closed, setClosed] = useState<CloseAnswer | null>(null);
  const title = `Jury du ${formatDate(jury.date)}`;
  return (
    <Page title={title}>
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label="État">
            <JuryStatusBadge status={jury.status} />
          </Fact>
          <Fact label="Date">{whenLabel(jury, formatDate)}</Fact>
          <Fact label="Lieu">{placeLabel(jury)}</Fact>
          <Fact label="Branche qui convoque">{jury.conveningBranch.name}</Fact>
          <Fact label="Certifications">
            {jury.certifications.map((c) => `${c.code} — ${c.title}`).join(' ; ')}
          </Fact>
          <Fact label="Règles de composition">
            version en vigueur depuis le {formatDate(jury.rules.effectiveFrom)}
          </Fact>
        </SimpleGrid>
        <AttendancePanel jury={jury} />
        <section aria-labelledby="deliberations">
          <Title order={2} size="h3" id="deliberations" mb="sm">
            Délibérations
          </Title>
          {jury.status === 'planned' && (
            <Text size="sm" mb="sm">
              La délibération s’ouvre quand la présence enregistrée atteint le quorum.
            </Text>
          )}
          <Stack gap="md">
            {jury.candidacies.length === 0 ? (
              <Text size="sm">Aucun parcours n’est inscrit à cette session.</Text>
            ) : (
              jury.candidacies.map((c) => <DeliberationPanel key={c.id} jury={jury} candidacy={c} />)
            )}
          </Stack>
        </section>
        <MinutesPanel jury={jury} onClosed={setClosed} />
        {closed && (
          <Alert color={COLORS.success} title="Session close" role="status">
            {closed.awards.length === 0 ? (
              'Aucune attestation créée.'
            ) : (
              <List size="sm">
                {closed.awards.map((a) => (
                  <List.Item key={a.id}>
                    {a.number} — {AWARD_KIND_LABELS[a.kind]}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {jury.status === 'closed' && staff && <AwardsPanel jury={jury} enabled />}
      </Stack>
    </Page>
  );
}

/**
 * `/jurys/:id`: one session — header (state, date, place, rules), members and attendance with
 * the quorum, each candidacy's deliberation, the minutes and their signatures, the close and
 * its awards. What each person may do comes from the answer's `can`.
 */
export function JuryPage() {
  const { id = '' } = useParams();
  const jury = useJury(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/jurys">
        ← Les jurys
      </Anchor>
      {jury.isPending && <Loading label="Chargement de la session…" />}
      {jury.isError && (
        <Page title="Session indisponible">
          <ProblemAlert error={jury.error} />
        </Page>
      )}
      {jury.data && <JuryView jury={jury.data} />}
    </Stack>
  );
}
