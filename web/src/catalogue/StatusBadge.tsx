import { Badge } from '@mantine/core';
import type { CertificationStatus } from '../api/catalogue';
import { COLORS } from '../ui/colors';
import { CERTIFICATION_STATUS_LABELS } from './labels';

const STATUS_COLORS: Record<CertificationStatus, string> = {
  draft: COLORS.neutral,
  active: COLORS.success,
  retired: COLORS.warning,
};

/** Where the certification stands in the catalogue: « Brouillon », « Au catalogue », « Retirée du catalogue ». */
export function StatusBadge({ status }: { status: CertificationStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {CERTIFICATION_STATUS_LABELS[status]}
    </Badge>
  );
}
