import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Page } from '../ui/Page';
import { useIsCatalogueManager } from './managedBranches';

/** The back office is for admins and branch managers; anyone else reads why not. */
export function ManagerOnly({ children }: { children: ReactNode }) {
  if (useIsCatalogueManager()) return children;
  return (
    <Page title="Accès réservé">
      <Text>
        La gestion des certifications est réservée aux gestionnaires de branche et à l’administration de
        Qualif.
      </Text>
    </Page>
  );
}
