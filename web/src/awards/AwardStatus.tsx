import { Badge, Stack, Text } from '@mantine/core';
import { AWARD_STATUS_LABELS } from '../../../src/contracts/juries';
import { type Award, STATUS_COLORS, statusReason } from './awards';

/** An award's status for staff (« Valide », « Suspendue », « Révoquée »), with the reason when not valid. */
export function AwardStatus({ award }: { award: Pick<Award, 'status' | 'revocation' | 'suspension'> }) {
  const reason = statusReason(award);
  return (
    <Stack gap={2}>
      <Badge variant="light" color={STATUS_COLORS[award.status]}>
        {AWARD_STATUS_LABELS[award.status]}
      </Badge>
      {reason && <Text size="xs">{reason}</Text>}
    </Stack>
  );
}
