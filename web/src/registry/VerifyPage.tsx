import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { COLORS } from '../ui/colors';
import { Page } from '../ui/Page';
import { Pager } from '../ui/Pager';
import { QueryState } from '../ui/QueryState';
import { useFicheSearch } from './queries';

const PAGE_SIZE = 20;
const NUMERO = /^\s*(RNCP|RS)\s*(\d{1,6})\s*$/i;

/**
 * `/verifier-une-inscription`: anyone checks whether a certification is registered in the
 * RNCP or the Répertoire spécifique, by its number (straight to its fiche) or its title.
 */
export function VerifyPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const navigate = useNavigate();
  const search = useFicheSearch(q, page, PAGE_SIZE);

  function submit(event: FormEvent) {
    event.preventDefault();
    const numero = NUMERO.exec(text);
    if (numero) {
      navigate(`/verifier-une-inscription/${(numero[1] ?? '').toUpperCase()}${numero[2]}`);
      return;
    }
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  return (
    <Page title="Vérifier l’inscription d’une certification">
      <Text>
        Les fiches du Répertoire national des certifications professionnelles (RNCP) et du Répertoire
        spécifique (RS), telles que publiées par France compétences et importées dans Qualif.
      </Text>
      <form onSubmit={submit} aria-label="Vérifier une certification">
        <Group align="flex-end">
          <TextInput
            label="Numéro de fiche ou intitulé"
            description="Par exemple RNCP35809, RS5600 ou « agent de sûreté »"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button type="submit">Vérifier</Button>
        </Group>
      </form>
      {q && (
        <section aria-labelledby="resultats-registre">
          <Text id="resultats-registre" fw={600} mb="xs">
            Fiches correspondant à « {q} »
          </Text>
          <QueryState query={search} loadingLabel="Recherche dans le registre…">
            {(data) =>
              data.items.length === 0 ? (
                <Text>
                  Aucune fiche ne correspond. Vérifiez l’orthographe, ou cherchez par numéro (RNCP… ou RS…).
                </Text>
              ) : (
                <Stack aria-busy={search.isPlaceholderData}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Fiche</Table.Th>
                        <Table.Th>Intitulé</Table.Th>
                        <Table.Th>Niveau</Table.Th>
                        <Table.Th>Fin d’enregistrement</Table.Th>
                        <Table.Th>État</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((f) => (
                        <Table.Tr key={f.numero}>
                          <Table.Td>
                            <Anchor component={Link} to={`/verifier-une-inscription/${f.numero}`}>
                              {f.numero}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{f.title}</Table.Td>
                          <Table.Td>{f.level ?? '—'}</Table.Td>
                          <Table.Td>{f.endDate ? formatDate(f.endDate) : '—'}</Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={f.active ? COLORS.success : COLORS.neutral}>
                              {f.active ? 'Active' : 'Inactive'}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Pager
                    page={data.page}
                    pageSize={data.pageSize}
                    total={data.total}
                    summary={plural(data.total, 'fiche trouvée', 'fiches trouvées')}
                    onChange={(p) => setParams(p === 1 ? { q } : { q, page: String(p) })}
                  />
                </Stack>
              )
            }
          </QueryState>
        </section>
      )}
    </Page>
  );
}
