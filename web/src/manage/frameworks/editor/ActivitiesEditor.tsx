import { Button, Fieldset, Group, Stack } from '@mantine/core';
import type { Errors } from './errors';
import { ItemHeading, type ItemProps } from './ItemActions';
import { ListError } from './ListError';
import { type ActivityModel, move, newActivity, removeAt, replaceAt } from './model';
import { TextListEditor } from './TextListEditor';

function ActivityEditor({
  activity,
  errors,
  ...item
}: ItemProps<ActivityModel> & { activity: ActivityModel; errors: Errors }) {
  const path = `content.activities.activities.${item.index}`;
  const number = item.index + 1;
  const onChange = item.onChange;
  return (
    <Fieldset legend={`Activité ${number}`}>
      <Stack gap="sm">
        <ItemHeading
          {...item}
          value={activity}
          name={`l’activité ${number}`}
          code={{ label: 'Code de l’activité', error: errors(`${path}.code`) }}
          title={{
            key: 'title',
            label: 'Intitulé de l’activité',
            error: errors(`${path}.title`),
            maxLength: 300,
          }}
        />
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
