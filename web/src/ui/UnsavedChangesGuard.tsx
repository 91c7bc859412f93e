import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Asks before unsaved edits are lost: leaving the page or switching a tab (both are
 * navigations: React Router's blocker) and closing or reloading the browser tab
 * (`beforeunload`, which the browser words itself). Put it in every editor, with `dirty`
 * true while its edits differ from what was saved.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show their prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Quitter sans enregistrer ?"
      centered
    >
      <Text>
        Vos modifications ne sont pas enregistrées : elles seront perdues si vous quittez cette page.
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          Rester sur la page
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Quitter sans enregistrer
        </Button>
      </Group>
    </Modal>
  );
}
