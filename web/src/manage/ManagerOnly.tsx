import type { ReactNode } from 'react';
import { MANAGEMENT_AREA } from '../layout/navigation';
import { RefusalPage } from '../ui/RefusalPage';
import { useIsCatalogueManager } from './managedBranches';

/** The back office is for admins and branch managers; anyone else gets the refusal page. */
export function ManagerOnly({ children }: { children: ReactNode }) {
  if (useIsCatalogueManager()) return children;
  return <RefusalPage reason="forbidden" reservedTo={MANAGEMENT_AREA.reservedTo} />;
}
