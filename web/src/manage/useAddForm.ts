import { useQueryClient } from '@tanstack/react-query';
import { catalogueKey } from '../catalogue/queries';
import { useDraftForm } from '../ui/useDraftForm';

/**
 * A form under a certification's list that adds one item after another (an event, a
 * habilitation): sent, the catalogue is read again and the form starts afresh.
 */
export function useAddForm<T extends object>(empty: T, send: (draft: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useDraftForm(empty, {
    send,
    onSaved: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
    resetOnSave: true,
  });
}
