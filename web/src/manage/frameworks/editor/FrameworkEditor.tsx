import { Button, Group, Stack, Title } from '@mantine/core';
import { ActivitiesEditor } from './ActivitiesEditor';
import { BlocEditor } from './BlocEditor';
import type { Errors } from './errors';
import { JobsEditor } from './JobsEditor';
import { ListError } from './ListError';
import { type FrameworkModel, move, newBloc, removeAt, replaceAt } from './model';

type FrameworkEditorProps = {
  value: FrameworkModel;
  onChange: (value: FrameworkModel) => void;
  errors: Errors;
};

/** Edits a draft framework: activities, then blocs of competencies with their assessment and rules. */
export function FrameworkEditor({ value, onChange, errors }: FrameworkEditorProps) {
  const { blocs } = value;
  const set = (patch: Partial<FrameworkModel>) => onChange({ ...value, ...patch });
  // Where each bloc's competencies start in the document's flat list of assessments.
  const firstAssessment = blocs.map((_, i) =>
    blocs.slice(0, i).reduce((n, b) => n + b.competencies.length, 0),
  );

  return (
    <Stack gap="xl">
      <section aria-labelledby="edition-activites">
        <Stack gap="sm">
          <Title order={3} size="h4" id="edition-activites">
            Référentiel d’activités
          </Title>
          <JobsEditor jobs={value.jobs} onChange={(jobs) => set({ jobs })} errors={errors} />
          <ActivitiesEditor
            activities={value.activities}
            onChange={(activities) => set({ activities })}
            errors={errors}
          />
        </Stack>
      </section>
      <section aria-labelledby="edition-blocs">
        <Stack gap="sm">
          <Title order={3} size="h4" id="edition-blocs">
            Blocs de compétences et évaluation
          </Title>
          {blocs.map((bloc, i) => (
            <BlocEditor
              key={bloc.key}
              bloc={bloc}
              index={i}
              count={blocs.length}
              onChange={(b) => set({ blocs: replaceAt(blocs, i, b) })}
              onMove={(delta) => set({ blocs: move(blocs, i, delta) })}
              onRemove={() => set({ blocs: removeAt(blocs, i) })}
              errors={errors}
              firstAssessment={firstAssessment[i] ?? 0}
            />
          ))}
          <ListError message={errors('content.competencies.blocs')} />
          <Group>
            <Button variant="light" onClick={() => set({ blocs: [...blocs, newBloc(blocs.length)] })}>
              Ajouter un bloc
            </Button>
          </Group>
        </Stack>
      </section>
    </Stack>
  );
}
