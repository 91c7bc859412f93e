import { Text } from '@mantine/core';
import { Page } from '../ui/Page';
import { AlertList } from './AlertList';

/** `/gestion/alertes-registre`: every registry difference on the person's certifications. */
export function AlertsPage() {
  return (
    <Page title="Alertes du registre">
      <Text>
        Après chaque import de l’export de France compétences, Qualif compare les fiches RNCP et RS aux
        certifications qui y sont liées. Chaque écart devient une alerte : appliquez le registre pour mettre
        le catalogue à jour, ou classez-la.
      </Text>
      <AlertList />
    </Page>
  );
}
