import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { formatDate } from '../format/date';
import { ConfirmButton } from '../ui/ConfirmButton';
import { COLORS } from '../ui/colors';
import { fieldError } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { AlertList } from './AlertList';
import { registryKey, useLinks } from './queries';

/** The « Registre » tab of a certification: its RNCP / RS fiches and their alerts. */
export function RegistryTab({ certificationId }: { certificationId: string }) {
  const links = useLinks(certificationId);
  const client = useQueryClient();
  const [numero, setNumero] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: registryKey });
  const base = `/api/v1/certifications/${encodeURIComponent(certificationId)}/registry-links`;
  const add = useMutation({
    mutationFn: (n: string) => api.put(`${base}/${encodeURIComponent(n)}`),
    onSuccess: () => {
      setNumero('');
      void refresh();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (numero.trim()) add.mutate(numero.trim().toUpperCase().replace(/\s+/g, ''));
  }

  return (
    <Stack gap="lg">
      <section aria-labelledby="fiches-liees">
        <Title order={2} size="h3" id="fiches-liees" mb="xs">
          Fiches RNCP / RS liées
        </Title>
        <QueryState query={links} loadingLabel="Chargement des fiches liées…">
          {(data) =>
            data.items.length === 0 ? (
              <Text>Aucune fiche liée : Qualif ne peut pas comparer cette certification au registre.</Text>
            ) : (
              <ListTable
                minWidth={560}
                label="Fiches RNCP / RS liées"
                columns={['Fiche', 'Au registre', 'Action']}
              >
                {data.items.map((link) => (
                  <Table.Tr key={link.numero}>
                    <Table.Td>
                      <Anchor component={Link} to={`/verifier-une-inscription/${link.numero}`}>
                        {link.numero}
                      </Anchor>
                      {link.fiche && <Text size="sm">{link.fiche.title}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {link.fiche ? (
                        <Group gap="xs">
                          <Badge
                            variant="light"
                            color={link.fiche.active && link.fiche.present ? COLORS.success : COLORS.neutral}
                          >
                            {link.fiche.active && link.fiche.present ? 'Active' : 'Inactive'}
                          </Badge>
                          <Text size="sm">
                            {link.fiche.startDate ? `du ${formatDate(link.fiche.startDate)}` : ''}
                            {link.fiche.endDate ? ` au ${formatDate(link.fiche.endDate)}` : ''}
                            {link.fiche.level ? ` · niveau ${link.fiche.level}` : ''}
                          </Text>
                        </Group>
                      ) : (
                        <Text size="sm">Pas encore dans les exports importés</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ConfirmButton
                        buttonProps={{ variant: 'subtle', size: 'compact-sm' }}
                        title={`Retirer le lien vers ${link.numero} ?`}
                        message="Ses alertes ouvertes seront classées. Le catalogue ne change pas."
                        confirmLabel="Retirer"
                        ariaLabel={`Retirer le lien vers ${link.numero}`}
                        action={() => api.delete(`${base}/${encodeURIComponent(link.numero)}`)}
                        onDone={() => void refresh()}
                      >
                        Retirer
                      </ConfirmButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            )
          }
        </QueryState>
        <form onSubmit={submit}>
          <Group align="flex-start" mt="md">
            <TextInput
              label="Lier une fiche"
              description="Numéro RNCP… ou RS…"
              value={numero}
              onChange={(e) => setNumero(e.currentTarget.value)}
              error={fieldError(add.error, 'numero')}
              maxLength={12}
            />
            <Button type="submit" mt={42} loading={add.isPending} disabled={!numero.trim()}>
              Lier
            </Button>
          </Group>
        </form>
        {add.isError && !fieldError(add.error, 'numero') && <ProblemAlert error={add.error} />}
      </section>
      <section aria-labelledby="alertes-certification">
        <Title order={2} size="h3" id="alertes-certification" mb="xs">
          Écarts avec le registre
        </Title>
        <AlertList certificationId={certificationId} />
      </section>
    </Stack>
  );
}
