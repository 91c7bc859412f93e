import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { Errors } from './errors';
import { RemoveEntryButton } from './ItemActions';
import { type JobModel, newJob, removeAt, replaceAt } from './model';

/** The jobs the certification leads to, each with an optional ROME code. */
export function JobsEditor({
  jobs,
  onChange,
  errors,
}: {
  jobs: JobModel[];
  onChange: (jobs: JobModel[]) => void;
  errors: Errors;
}) {
  return (
    <Stack gap={6}>
      <Text fw={500}>Métiers visés</Text>
      {jobs.map((job, i) => (
        <Group key={job.key} align="flex-end" wrap="nowrap" gap="xs">
          <TextInput
            label={`Métier ${i + 1}`}
            style={{ flex: 1 }}
            maxLength={200}
            value={job.title}
            onChange={(e) => onChange(replaceAt(jobs, i, { ...job, title: e.currentTarget.value }))}
            error={errors(`content.activities.jobs.${i}.title`)}
          />
          <TextInput
            label={`Code ROME du métier ${i + 1}`}
            w={180}
            maxLength={10}
            value={job.romeCode}
            onChange={(e) => onChange(replaceAt(jobs, i, { ...job, romeCode: e.currentTarget.value }))}
            error={errors(`content.activities.jobs.${i}.romeCode`)}
          />
          <RemoveEntryButton
            label={`Supprimer le métier ${i + 1}`}
            onClick={() => onChange(removeAt(jobs, i))}
          />
        </Group>
      ))}
      <Group>
        <Button variant="light" size="compact-sm" onClick={() => onChange([...jobs, newJob()])}>
          Ajouter un métier
        </Button>
      </Group>
    </Stack>
  );
}
