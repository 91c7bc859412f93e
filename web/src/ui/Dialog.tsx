import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

type DialogProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  children: ReactNode;
};

/**
 * A modal dialog whose header is a <div>: Mantine's default <header> would be a second banner
 * landmark on the page (axe).
 */
export function Dialog({ opened, onClose, title, size = 'lg', children }: DialogProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Fermer" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
