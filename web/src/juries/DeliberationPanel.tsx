import { Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { JURY_OUTCOME_LABELS } from '../../../src/contracts/juries';
import { candidateName } from '../candidacies/candidacy';
import { formatDateTime } from '../format/dateTime';
import { COLORS } from '../ui/colors';
import { ListTable } from '../ui/ListTable';
import { DecisionForm } from './DecisionForm';
import type { Jury, JuryCandidacy, JuryDecision } from './juries';

const PROPOSAL_LABELS = { acquired: 'Acquis', not_acquired: 'Non acquis' } as const;

function blocDecision(d: JuryDecision | null, code: string): string {
  const v = d?.blocs.find((b) => b.code === code)?.validated;
  return v === true ? 'Validé' : v === false ? 'Non validé' : '—';
}

/** One decision: outcome, blocs, reasons, recommendations, votes, who posted it and when. */
function DecisionView({ decision, members }: { decision: JuryDecision; members: Jury['members'] }) {
  const nameOf = (id: string) => members.find((m) => m.userId === id)?.name ?? 'Membre';
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge variant="light" color={decision.outcome === 'full' ? COLORS.success : COLORS.info}>
          {JURY_OUTCOME_LABELS[decision.outcome]}
        </Badge>
        <Text size="sm" c="dimmed">
          {decision.postedAs === 'president' ? 'par la présidence' : 'par le secrétariat'}
          {decision.postedBy.name ? ` (${decision.postedBy.name})` : ''}, le{' '}
          {formatDateTime(decision.postedAt)}
        </Text>
      </Group>
      {decision.blocs.length > 0 && (
        <Text size="sm">
          {decision.blocs
            .map(
              (b) =>
                `${b.code} : ${b.carried ? 'reporté' : b.validated === true ? 'validé' : b.validated === false ? 'non validé' : 'non décidé'}`,
            )
            .join(' · ')}
        </Text>
      )}
      {decision.reasons && <Text size="sm">Motifs : {decision.reasons}</Text>}
      {decision.recommendations && <Text size="sm">Recommandations : {decision.recommendations}</Text>}
      {decision.votes && (
        <Text size="sm">
          Votes : {decision.votes.for} pour, {decision.votes.against} contre, {decision.votes.abstain}{' '}
          abstention
          {decision.votes.abstain > 1 ? 's' : ''}
        </Text>
      )}
      {decision.excludedMembers.length > 0 && (
        <Text size="sm">N’ont pas délibéré : {decision.excludedMembers.map(nameOf).join(', ')}</Text>
      )}
    </Stack>
  );
}

/** The decisions before the current one, each with the correction that replaced it and why. */
function History({ candidacy, members }: { candidacy: JuryCandidacy; members: Jury['members'] }) {
  const earlier = candidacy.history.filter((d) => d.id !== candidacy.decision?.id);
  if (earlier.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        Décisions corrigées
      </Title>
      <List spacing="sm">
        {earlier.map((d) => {
          const next = candidacy.history.find((n) => n.replacesId === d.id);
          return (
            <List.Item key={d.id}>
              <DecisionView decision={d} members={members} />
              {next?.correctionReason && (
                <Text size="sm" mt={4}>
                  Corrigée le {formatDateTime(next.postedAt)} : {next.correctionReason}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

/**
 * One candidacy before the jury: the assessors' proposals per bloc side by side, carried blocs
 * marked, members excluded by a declared link, the current decision and its history, the
 * decision form (president or branch staff, `can.decide`) and « Corriger » (president, `can.correct`).
 */
export function DeliberationPanel({ jury, candidacy }: { jury: Jury; candidacy: JuryCandidacy }) {
  const [correcting, setCorrecting] = useState(false);
  const open = jury.status === 'deliberating' || jury.status === 'minutes' || jury.status === 'sealed';
  const evaluators = [
    ...new Map(
      candidacy.blocs.flatMap((b) =>
        b.proposals.map((p) => [p.evaluator.id, p.evaluator.name ?? 'Évaluateur']),
      ),
    ),
  ];
  const name = candidateName(candidacy.candidate);
  const headingId = `parcours-${candidacy.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {name}
          </Title>
          <Button
            component={Link}
            to={`/candidatures/${candidacy.id}`}
            variant="subtle"
            size="compact-sm"
            aria-label={`Voir le dossier de ${name}`}
          >
            Voir le dossier
          </Button>
        </Group>
        <ListTable
          minWidth={480 + 140 * evaluators.length}
          label={`Blocs de ${name}`}
          columns={['Bloc', ...evaluators.map(([, n]) => `Proposition de ${n}`), 'Décision en vigueur']}
        >
          {candidacy.blocs.map((b) => (
            <Table.Tr key={b.code}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {b.code}
                </Text>
                <Text size="sm">{b.title}</Text>
                {b.carried && (
                  <Badge variant="light" color={COLORS.teal} mt={4}>
                    Reporté
                  </Badge>
                )}
              </Table.Td>
              {evaluators.map(([id]) => {
                const p = b.proposals.find((x) => x.evaluator.id === id);
                return <Table.Td key={id}>{p ? PROPOSAL_LABELS[p.proposal] : '—'}</Table.Td>;
              })}
              <Table.Td>{b.carried ? 'Validé (reporté)' : blocDecision(candidacy.decision, b.code)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {candidacy.excluded.length > 0 && (
          <Text size="sm">
            Membres exclus de cette délibération (lien déclaré avec le candidat) :{' '}
            {candidacy.excluded.map((m) => m.name ?? 'Membre').join(', ')}
          </Text>
        )}
        {candidacy.decision ? (
          <Stack gap="xs">
            <Title order={4} size="h5">
              Décision en vigueur
            </Title>
            <DecisionView decision={candidacy.decision} members={jury.members} />
            {jury.can.correct && open && !correcting && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => setCorrecting(true)}
                  aria-label={`Corriger la décision sur ${name}`}
                >
                  Corriger
                </Button>
              </Group>
            )}
            {correcting && (
              <DecisionForm
                juryId={jury.id}
                candidacy={candidacy}
                votesRequired={jury.rules.content.votesRequired}
                replaces={candidacy.decision}
                onDone={() => setCorrecting(false)}
              />
            )}
          </Stack>
        ) : jury.can.decide && jury.status === 'deliberating' ? (
          <DecisionForm
            juryId={jury.id}
            candidacy={candidacy}
            votesRequired={jury.rules.content.votesRequired}
          />
        ) : (
          <Text size="sm">Pas encore de décision.</Text>
        )}
        <History candidacy={candidacy} members={jury.members} />
      </Stack>
    </Paper>
  );
}
