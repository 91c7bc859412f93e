import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CertificationInput } from '../api/catalogue';
import { api } from '../api/client';
import type { Answer } from '../api/types';
import { catalogueKey } from '../catalogue/queries';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { CertificationForm, emptyCertification } from './identity/CertificationForm';
import { ManagerOnly } from './ManagerOnly';
import { useManagedBranches } from './managedBranches';

function NewCertification() {
  const branches = useManagedBranches();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: CertificationInput) =>
      api.post<Answer<'/api/v1/certifications', 'post', 201>>('/api/v1/certifications', input),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: catalogueKey });
      navigate(`/gestion/certifications/${id}?onglet=referentiels`);
    },
  });
  // A manager of a single branch creates for that branch unless they choose otherwise.
  const mine = branches.data?.mine ?? [];
  if (branches.isPending) return <Loading label="Chargement de vos branches…" />;
  const initial = emptyCertification(mine.length === 1 ? [mine[0]?.id ?? ''] : []);
  return (
    <Page title="Nouvelle certification">
      <Text>
        Elle est créée en brouillon : seul le personnel de ses branches la voit. Vous la mettrez au catalogue
        public une fois un référentiel publié et sa transmission à France compétences enregistrée.
      </Text>
      <CertificationForm
        initial={initial}
        submitLabel="Créer la certification"
        onSubmit={(input) => create.mutate(input)}
        pending={create.isPending}
        error={create.error}
      />
    </Page>
  );
}

/** `/gestion/certifications/nouvelle`. */
export function NewCertificationPage() {
  return (
    <ManagerOnly>
      <NewCertification />
    </ManagerOnly>
  );
}
