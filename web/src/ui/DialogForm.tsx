import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ProblemAlert, type ProblemAlertProps } from './ProblemAlert';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

type DialogFormProps = {
  /** Called once the form is sent (its default action prevented). */
  onSubmit: () => void;
  onCancel: () => void;
  /** The API's refusal: its field errors are shown by the fields, the rest in an alert. */
  error: Error | null;
  /** The fields that show their own errors (ProblemAlert's `shownFields`). */
  shownFields?: ProblemAlertProps['shownFields'];
  pending: boolean;
  submitLabel: string;
  /** Edits not saved yet: leaving the page asks first (UnsavedChangesGuard). */
  dirty: boolean;
  /** The fields. */
  children: ReactNode;
};

/** The form of a dialog: its fields, the API's refusal, then « Annuler » and the submit button. */
export function DialogForm({
  onSubmit,
  onCancel,
  error,
  shownFields,
  pending,
  submitLabel,
  dirty,
  children,
}: DialogFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <UnsavedChangesGuard dirty={dirty} />
      <Stack>
        {children}
        {error && <ProblemAlert error={error} shownFields={shownFields} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
