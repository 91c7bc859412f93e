import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Recognition } from '../api/catalogue';
import { RecognitionBadge } from './RecognitionBadge';
import { registrationPeriod } from './recognitionText';

const REGISTRY_NAMES = {
  RNCP: 'Répertoire national des certifications professionnelles',
  RS: 'Répertoire spécifique',
};

/** Recognition today: the badge, and for a registration its number, level and validity. */
export function RecognitionToday({ recognition }: { recognition: Recognition }) {
  const period = registrationPeriod(recognition);
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Text fw={600}>Aujourd’hui :</Text>
        <RecognitionBadge recognition={recognition} />
      </Group>
      {recognition.registry && recognition.number && (
        <Text>
          {`Numéro d’enregistrement au ${REGISTRY_NAMES[recognition.registry]} : `}
          <Anchor
            component={Link}
            to={`/verifier-une-inscription/${encodeURIComponent(recognition.number)}`}
            fw={600}
            ff="monospace"
          >
            {recognition.number}
          </Anchor>
        </Text>
      )}
      {recognition.level !== undefined && <Text>{`Niveau de qualification : ${recognition.level}`}</Text>}
      {period && <Text>{`Enregistrement valable ${period}.`}</Text>}
    </Stack>
  );
}
