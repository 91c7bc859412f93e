import { Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { CoOwnershipInvitations } from './CoOwnershipInvitations';
import { ManagedCertifications } from './ManagedCertifications';
import { ManagerOnly } from './ManagerOnly';
import { useManagedBranches } from './managedBranches';

/** One list per branch the person may act for; one list of all when that is every branch. */
function Lists() {
  const branches = useManagedBranches();
  return (
    <QueryState query={branches} loadingLabel="Chargement de vos branches…">
      {({ mine, all }) =>
        // Every branch (an admin): one list rather than one per branch.
        mine.length > 1 && mine.length === all ? (
          <ManagedCertifications title="Toutes les certifications" />
        ) : mine.length === 0 ? (
          <Text>Vous ne gérez aucune branche pour l’instant.</Text>
        ) : (
          mine.map((branch) => (
            <ManagedCertifications key={branch.id} title={`Branche ${branch.name}`} branchId={branch.id} />
          ))
        )
      }
    </QueryState>
  );
}

/** `/gestion/certifications`: the certifications the person manages, and the way to create one. */
export function ManageListPage() {
  return (
    <ManagerOnly>
      <Page title="Mes certifications">
        <Group justify="space-between">
          <Text>Créez les certifications de vos branches, leurs référentiels et leurs habilitations.</Text>
          <Button component={Link} to="/gestion/certifications/nouvelle">
            Nouvelle certification
          </Button>
        </Group>
        <CoOwnershipInvitations />
        <Lists />
      </Page>
    </ManagerOnly>
  );
}
