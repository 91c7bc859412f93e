import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CertificationInput } from '../api/catalogue';
import { api } from '../api/client';
import type { Answer } from '../api/types';
import { catalogueKey } from '../catalogue/queries';
import { Page } from '../ui/Page';
import { CertificationForm, emptyCertification } from './identity/CertificationForm';
import { ManagerOnly } from './ManagerOnly';
import { useManagerScope } from './scope';

function NewCertification() {
  const scope = useManagerScope();
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
  const initial = emptyCertification(scope.branches.length === 1 ? [scope.branches[0]?.id ?? ''] : []);
  return (
    <Page title="Nouvelle certification">
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
