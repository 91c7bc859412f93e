import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AuditVerification } from '../api/types';
import { plural } from '../format/plural';
import { ProblemAlert } from '../ui/ProblemAlert';

function Verdict({ result }: { result: AuditVerification }) {
  const checked = plural(result.checked, 'entrée vérifiée', 'entrées vérifiées');
  if (result.ok) return <Alert color="green">{`Chaîne intègre (${checked})`}</Alert>;
  return (
    <Alert color="red" title="Chaîne rompue">
      <Text size="sm">{`Première entrée altérée : n° ${result.firstBadId ?? 'inconnue'} (${checked}).`}</Text>
      {result.reason && <Text size="sm">{result.reason}</Text>}
    </Alert>
  );
}

/** Recomputes the audit trail's hash chain on the server and says whether it is intact. */
export function AuditIntegrity() {
  const verify = useMutation({
    mutationFn: () => api.get<AuditVerification>('/api/v1/audit/verify'),
  });
  return (
    <Stack align="stretch">
      <Button variant="outline" onClick={() => verify.mutate()} loading={verify.isPending} w="fit-content">
        Vérifier l'intégrité
      </Button>
      {verify.data && <Verdict result={verify.data} />}
      {verify.error && <ProblemAlert error={verify.error} />}
    </Stack>
  );
}
