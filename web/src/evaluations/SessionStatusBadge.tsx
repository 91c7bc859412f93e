import { Badge } from '@mantine/core';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../../src/contracts/assessments';
import { COLORS } from '../ui/colors';

/** « Programmée » / « Annulée »: an assessment session's state. */
export function SessionStatusBadge({ status }: { status: AssessmentStatus }) {
  return (
    <Badge variant="light" color={status === 'cancelled' ? COLORS.neutral : COLORS.info}>
      {ASSESSMENT_STATUS_LABELS[status]}
    </Badge>
  );
}
