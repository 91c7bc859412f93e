import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import type { Errors } from './errors';
import { ItemActions } from './ItemActions';
import { ListError } from './ListError';
import { type ActivityModel, move, newActivity, removeAt, replaceAt } from './model';
import { TextListEditor } from './TextListEditor';

function ActivityEditor({
  activity,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  errors,
}: {
  activity: ActivityModel;
  index: number;
  count: number;
  onChange: (a: ActivityModel) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  errors: Errors;
}) {
  const path = `content.activities.activities.${index}`;
  const number = index + 1;
  return (
    <Fieldset legend={`Activité ${number}`}>
      <Stack gap="sm">
        <Group justify="flex-end">
          <ItemActions
            name={`l’activité ${number}`}
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
            minCount={1}
          />
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label="Code de l’activité"
            required
            maxLength={20}
            w={160}
            value={activity.code}
            onChange={(e) => onChange({ ...activity, code: e.currentTarget.value })}
            error={errors(`${path}.code`)}
          />
          <TextInput
            label="Intitulé de l’activité"
            required
            maxLength={300}
            style={{ flex: 1 }}
            value={activity.title}
            onChange={(e) => onChange({ ...activity, title: e.currentTarget.value })}
            error={errors(`${path}.title`)}
          />
        </Group>
        <TextListEditor
          label="Situations de travail"
          itemLabel="Situation"
          addLabel="Ajouter une situation"
          owner={`à l’activité ${number}`}
          items={activity.workSituations}
          onChange={(workSituations) => onChange({ ...activity, workSituations })}
          errors={errors}
          path={`${path}.workSituations`}
          maxLength={500}
        />
      </Stack>
    </Fieldset>
  );
}

/** The activity framework: the activities of the job and their work situations. */
export function ActivitiesEditor({
  activities,
  onChange,
  errors,
}: {
  activities: ActivityModel[];
  onChange: (activities: ActivityModel[]) => void;
  errors: Errors;
}) {
  return (
    <Stack gap="sm">
      {activities.map((activity, i) => (
        <ActivityEditor
          key={activity.key}
          activity={activity}
          index={i}
          count={activities.length}
          onChange={(a) => onChange(replaceAt(activities, i, a))}
          onMove={(delta) => onChange(move(activities, i, delta))}
          onRemove={() => onChange(removeAt(activities, i))}
          errors={errors}
        />
      ))}
      <ListError message={errors('content.activities.activities')} />
      <Group>
        <Button variant="light" onClick={() => onChange([...activities, newActivity(activities.length)])}>
          Ajouter une activité
        </Button>
      </Group>
    </Stack>
  );
}
