import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

type RowButtonProps = {
  /** The visible text: « Modifier », « Détail ». */
  children: ReactNode;
  /** The accessible name, saying which row: « Modifier la branche X ». */
  label: string;
  onClick: () => void;
};

/** A row's own action in a table (« Modifier », « Détail », « Rôles »): small and light. */
export function RowButton({ children, label, onClick }: RowButtonProps) {
  return (
    <Button size="xs" variant="light" onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}
