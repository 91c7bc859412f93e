import type { Recognition } from '../api/catalogue';
import { formatPeriod } from '../format/date';
import { RECOGNITION_LABELS } from './labels';

/** « Inscrit au RNCP — RNCP37312, niveau 3 », « Reconnu par la branche »… */
export function recognitionTitle(recognition: Recognition): string {
  const details = [recognition.number, recognition.level !== undefined ? `niveau ${recognition.level}` : '']
    .filter(Boolean)
    .join(', ');
  return details
    ? `${RECOGNITION_LABELS[recognition.status]} — ${details}`
    : RECOGNITION_LABELS[recognition.status];
}

/** The registration's validity, when there is one: « du 1 mars 2023 au 29 février 2028 ». */
export function registrationPeriod(recognition: Recognition): string | undefined {
  return recognition.from ? formatPeriod(recognition.from, recognition.to) : undefined;
}
