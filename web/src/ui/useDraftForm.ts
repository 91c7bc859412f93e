import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { fieldError } from './fieldError';

/** The keys of T whose values are strings: the fields a text input edits. */
type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

type DraftFormOptions<T> = {
  /** Sends the draft to the API. */
  send: (draft: T) => Promise<unknown>;
  /** After the API accepted it (refresh what shows it, close a dialog…). */
  onSaved?: () => unknown;
  /** Starts again from `initial` once saved (a form that adds one item after another). */
  resetOnSave?: boolean;
};

/**
 * A form's draft and the mutation that saves it: `set` one field, `text(key)` binds a text
 * input to a string field (value, change, and the API's error for that field), `submit` sends
 * it, `dirty` says whether it differs from `initial` (for UnsavedChangesGuard).
 */
export function useDraftForm<T extends object>(
  initial: T,
  { send, onSaved, resetOnSave }: DraftFormOptions<T>,
) {
  const [draft, setDraft] = useState<T>(initial);
  const set = <K extends keyof T>(key: K, value: T[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const mutation = useMutation({
    mutationFn: () => send(draft),
    onSuccess: async () => {
      if (resetOnSave) setDraft(initial);
      await onSaved?.();
    },
  });
  const error = mutation.error;
  const text = (key: TextKey<T>) => ({
    value: draft[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, e.currentTarget.value as T[typeof key]),
    error: fieldError(error, key),
  });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    mutation.mutate();
  };
  const dirty = !mutation.isPending && JSON.stringify(draft) !== JSON.stringify(initial);
  return { draft, setDraft, set, text, mutation, error, submit, dirty };
}
