import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Framework } from '../../api/catalogue';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';
import { errorsOf, isShownInEditor } from './editor/errors';
import { FrameworkEditor } from './editor/FrameworkEditor';
import { type FrameworkModel, fromModel } from './editor/model';

type DraftEditorFormProps = {
  /** The model to start from (called once). */
  initial: () => FrameworkModel;
  onSave: (content: Framework) => Promise<unknown>;
  /** More actions beside « Enregistrer le brouillon », told whether there are unsaved changes. */
  actions?: (state: { dirty: boolean }) => ReactNode;
};

/** The framework editor with its save button; the API's errors appear under the fields. */
export function DraftEditorForm({ initial, onSave, actions }: DraftEditorFormProps) {
  const [model, setModel] = useState(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(fromModel(model)));
  const document = JSON.stringify(fromModel(model));
  const dirty = document !== saved;
  const save = useMutation({
    mutationFn: (json: string) => onSave(JSON.parse(json) as Framework),
    onSuccess: (_, json) => setSaved(json),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(document);
  };

  return (
    <form onSubmit={submit} noValidate>
      <UnsavedChangesGuard dirty={dirty && !save.isPending} />
      <Stack gap="lg">
        {save.error && (
          <ProblemAlert
            error={save.error}
            title="Le brouillon n’est pas enregistré"
            shownFields={isShownInEditor}
          />
        )}
        <FrameworkEditor value={model} onChange={setModel} errors={errorsOf(save.error)} />
        <Group
          justify="space-between"
          p="sm"
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
            zIndex: 2,
          }}
        >
          <Text size="sm" role="status">
            {dirty ? 'Modifications non enregistrées.' : save.isSuccess ? 'Brouillon enregistré.' : ''}
          </Text>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Enregistrer le brouillon
            </Button>
            {actions?.({ dirty })}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
