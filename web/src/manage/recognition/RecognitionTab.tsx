import { Divider, Stack, Title } from '@mantine/core';
import type { Certification } from '../../api/catalogue';
import { RecognitionTimeline } from '../../catalogue/RecognitionTimeline';
import { RecognitionToday } from '../../catalogue/RecognitionToday';
import { AddEventForm } from './AddEventForm';
import { EventsTable } from './EventsTable';

/** « Reconnaissance »: today's recognition, its history, the events it derives from. */
export function RecognitionTab({ certification }: { certification: Certification }) {
  return (
    <Stack gap="lg">
      <RecognitionToday recognition={certification.recognition} />
      <Stack gap="sm">
        <Title order={2} size="h3">
          Historique
        </Title>
        <RecognitionTimeline periods={certification.timeline} />
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Événements
        </Title>
        <EventsTable certificationId={certification.id} events={certification.events} />
      </Stack>
      <Divider />
      <AddEventForm certificationId={certification.id} />
    </Stack>
  );
}
