import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { AWARD_KIND_LABELS, JURY_OUTCOME_LABELS } from '../../../src/contracts/juries';
import { formatDate } from '../format/date';
import { COLORS } from '../ui/colors';
import type { Candidacy } from './candidacy';

export type JuryOutcomeAnswer = NonNullable<Candidacy['jury']>;

const OUTCOME_COLORS: Record<JuryOutcomeAnswer['outcome'], string> = {
  full: COLORS.success,
  partial: COLORS.success,
  refused: COLORS.neutral,
  absent: COLORS.warning,
  deferred: COLORS.warning,
};

function blocLine(b: JuryOutcomeAnswer['blocs'][number], title: string | undefined): string {
  const name = title ? `${b.code} — ${title}` : b.code;
  if (b.carried) return `${name} : acquis antérieurement (reporté)`;
  if (b.validated === true) return `${name} : validé`;
  if (b.validated === false) return `${name} : non validé`;
  return `${name} : non examiné`;
}

/**
 * The jury's decision on a candidacy (GET /api/v1/candidacies/{id} `jury`): the outcome and its
 * date, each bloc validated or not, the reasons and recommendations, and the award with its
 * number (revoked or not). Shown to the candidate once the minutes are sealed, to the staff and
 * the training organisation once the decision is posted: the API answers null otherwise.
 */
export function JuryOutcome({
  jury,
  blocTitle,
}: {
  jury: JuryOutcomeAnswer;
  blocTitle?: (code: string) => string | undefined;
}) {
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Badge color={OUTCOME_COLORS[jury.outcome]} variant="light">
          {JURY_OUTCOME_LABELS[jury.outcome]}
        </Badge>
        <Text size="sm">Jury du {formatDate(jury.date)}</Text>
      </Group>
      {jury.blocs.length > 0 && (
        <List size="sm" spacing={2} aria-label="Décision par bloc">
          {jury.blocs.map((b) => (
            <List.Item key={b.code}>{blocLine(b, blocTitle?.(b.code))}</List.Item>
          ))}
        </List>
      )}
      {jury.reasons && (
        <Text size="sm">
          <Text span fw={600} size="sm">
            Motifs :{' '}
          </Text>
          {jury.reasons}
        </Text>
      )}
      {jury.recommendations && (
        <Alert color={COLORS.info} variant="light" title="Recommandations du jury">
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {jury.recommendations}
          </Text>
        </Alert>
      )}
      {jury.award && (
        <Group gap="sm">
          <Text size="sm">
            {AWARD_KIND_LABELS[jury.award.kind]} — attestation n° <strong>{jury.award.number}</strong>
          </Text>
          {jury.award.revoked && (
            <Badge color={COLORS.warning} variant="light">
              Retirée
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}
