import { Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../ui/Page';
import { ManagedCertifications } from './ManagedCertifications';
import { ManagerOnly } from './ManagerOnly';
import { useManagerScope } from './scope';

function Lists() {
  const scope = useManagerScope();
  if (scope.isAdmin) return <ManagedCertifications title="Toutes les certifications" />;
  return scope.branches.map((branch) => (
    <ManagedCertifications key={branch.id} title={`Branche ${branch.label}`} branchId={branch.id} />
  ));
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
        <Lists />
      </Page>
    </ManagerOnly>
  );
}
