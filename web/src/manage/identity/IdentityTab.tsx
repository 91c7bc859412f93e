import { Alert, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Certification, CertificationInput } from '../../api/catalogue';
import { api } from '../../api/client';
import { catalogueKey } from '../../catalogue/queries';
import { COLORS } from '../../ui/colors';
import { CertificationForm } from './CertificationForm';

function inputOf(c: Certification): CertificationInput {
  return {
    kind: c.kind,
    code: c.code,
    title: c.title,
    branchIds: c.branches.map((b) => b.id),
    legalOwner: c.legalOwner,
    romeCodes: c.romeCodes,
    nsfCodes: c.nsfCodes,
    formacodeCodes: c.formacodeCodes,
    description: c.description,
    jobsTargeted: c.jobsTargeted,
  };
}

/** « Identité »: the certification's identity, edited in place. */
export function IdentityTab({ certification }: { certification: Certification }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (input: CertificationInput) => api.put(`/api/v1/certifications/${certification.id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
  return (
    <Stack>
      {save.isSuccess && (
        <Alert color={COLORS.success} title="Enregistré" role="status">
          L’identité de la certification est à jour.
        </Alert>
      )}
      <CertificationForm
        initial={inputOf(certification)}
        submitLabel="Enregistrer"
        onSubmit={(input) => save.mutate(input)}
        pending={save.isPending}
        error={save.error}
      />
    </Stack>
  );
}
