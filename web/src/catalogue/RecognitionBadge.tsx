import { Badge } from '@mantine/core';
import type { RecognitionBrief } from '../api/catalogue';
import { COLORS } from '../ui/colors';
import { RECOGNITION_LABELS } from './labels';

const STATUS_COLORS = {
  rncp: COLORS.success,
  rs: COLORS.teal,
  branch_only: COLORS.info,
  none: COLORS.neutral,
} as const;

/** Today's recognition in one badge: « Inscrit au RNCP · niveau 3 ». */
export function RecognitionBadge({ recognition }: { recognition: RecognitionBrief }) {
  const level = recognition.level !== undefined ? ` · niveau ${recognition.level}` : '';
  return (
    <Badge variant="light" color={STATUS_COLORS[recognition.status]}>
      {`${RECOGNITION_LABELS[recognition.status]}${level}`}
    </Badge>
  );
}
