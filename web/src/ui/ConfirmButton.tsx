import { Button, type ButtonProps, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ProblemAlert } from './ProblemAlert';

type ConfirmButtonProps = {
  /** The button's visible text. */
  children: ReactNode;
  /** The button's accessible name, when the text alone is ambiguous (« Supprimer » what?). */
  ariaLabel?: string;
  buttonProps?: ButtonProps;
  /** The dialog's question: « Publier la version 2 ? ». */
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color?: string;
  action: () => Promise<unknown>;
  onDone?: () => void;
};

/** A button whose action runs only once confirmed in a dialog, which shows its errors. */
export function ConfirmButton({
  children,
  ariaLabel,
  buttonProps,
  title,
  message,
  confirmLabel,
  color = 'red',
  action,
  onDone,
}: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: () => {
      close();
      onDone?.();
    },
  });

  return (
    <>
      <Button
        color={color}
        {...buttonProps}
        aria-label={ariaLabel}
        onClick={() => {
          mutation.reset();
          open();
        }}
      >
        {children}
      </Button>
      <Dialog opened={opened} onClose={close} title={title} size="md">
        <Stack>
          {typeof message === 'string' ? <Text>{message}</Text> : message}
          {mutation.error && <ProblemAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Annuler
            </Button>
            <Button color={color} onClick={() => mutation.mutate()} loading={mutation.isPending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
