import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  MultiSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { COLLEGE_LABELS } from '../../../src/contracts/juries';
import type { SearchResult } from '../api/catalogue';
import { ApiError, api } from '../api/client';
import { candidateName } from '../candidacies/candidacy';
import { CANDIDACIES_PATH, type CandidacyPage, type CandidacySummary } from '../candidacies/enrolment';
import { today } from '../format/date';
import { useManagedBranches } from '../manage/managedBranches';
import { fieldError, fieldErrors } from '../ui/fieldError';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard';
import {
  type HabilitatedJuryMember,
  JURIES_PATH,
  type JuryCreated,
  type JuryRequest,
  juriesKey,
} from './juries';

type Draft = {
  certificationIds: string[];
  date: string;
  startsAt: string;
  place: string;
  remote: boolean;
  memberIds: string[];
  presidentId: string | null;
  candidacyIds: string[];
};

const EMPTY: Draft = {
  certificationIds: [],
  date: '',
  startsAt: '',
  place: '',
  remote: false,
  memberIds: [],
  presidentId: null,
  candidacyIds: [],
};

/** The active certifications of the branches the signed-in person manages, as options. */
function useBranchCertifications() {
  const branches = useManagedBranches();
  const mine = branches.data?.mine ?? [];
  const pages = useQueries({
    queries: mine.map((b) => ({
      queryKey: ['certifications', 'jury-options', b.id],
      queryFn: () =>
        api.get<SearchResult>(
          `/api/v1/certifications?${new URLSearchParams({ branch: b.id, pageSize: '100' })}`,
        ),
      staleTime: 60_000,
    })),
  });
  const seen = new Set<string>();
  const options = pages
    .flatMap((p) => p.data?.items ?? [])
    .filter((c) => !seen.has(c.id) && seen.add(c.id))
    .map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }));
  return { options, pending: branches.isPending || pages.some((p) => p.isPending) };
}

/**
 * The jury members habilitated on the date for every chosen certification (the API answers per
 * certification: those found for all of them are kept), with their college and organisation.
 */
function useHabilitatedMembers(certificationIds: string[], date: string) {
  return useQuery({
    queryKey: ['/api/v1/people', 'jury_member', certificationIds, date],
    enabled: certificationIds.length > 0,
    queryFn: async () => {
      const lists = await Promise.all(
        certificationIds.map((certificationId) =>
          api.get<{ items: HabilitatedJuryMember[] }>(
            `/api/v1/people?${new URLSearchParams({
              role: 'jury_member',
              certificationId,
              ...(date >= today() ? { on: date } : {}),
            })}`,
          ),
        ),
      );
      const [first = { items: [] }, ...others] = lists;
      return first.items.filter((m) => others.every((l) => l.items.some((o) => o.id === m.id)));
    },
  });
}

/** The candidacies « Prêt·e pour le jury » of the chosen certifications. */
function useReadyCandidacies(certificationIds: string[]) {
  return useQuery({
    queryKey: [CANDIDACIES_PATH, 'ready_for_jury', certificationIds],
    enabled: certificationIds.length > 0,
    queryFn: async () => {
      const pages = await Promise.all(
        certificationIds.map((certificationId) =>
          api.get<CandidacyPage>(
            `${CANDIDACIES_PATH}?${new URLSearchParams({ status: 'ready_for_jury', certificationId, pageSize: '200' })}`,
          ),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
  });
}

function requestOf(d: Draft): JuryRequest {
  return {
    certificationIds: d.certificationIds,
    date: d.date,
    ...(d.startsAt ? { startsAt: d.startsAt } : {}),
    ...(d.place.trim() ? { place: d.place.trim() } : {}),
    ...(d.remote ? { remote: true } : {}),
    members: d.memberIds.map((userId) => ({
      userId,
      role: userId === d.presidentId ? 'president' : 'member',
    })),
    candidacyIds: d.candidacyIds,
  };
}

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...list, id] : list.filter((x) => x !== id);

/**
 * `/jurys/nouveau`: convene a session — certification(s) of one's branches, date and time,
 * place or remote, members among those habilitated for every certification on the date (one
 * president), candidacies ready for the jury. The API checks the composition against the
 * branch's rules: the rule broken is shown under the members, other errors under their fields.
 */
export function NewJuryPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [sent, setSent] = useState<JuryRequest | null>(null);
  const certifications = useBranchCertifications();
  const members = useHabilitatedMembers(draft.certificationIds, draft.date);
  const candidacies = useReadyCandidacies(draft.certificationIds);
  const create = useMutation({
    mutationFn: (body: JuryRequest) => api.post<JuryCreated>(JURIES_PATH, body),
    onSuccess: async ({ id }) => {
      // Still pending here: the guard below lets this navigation through.
      await queryClient.invalidateQueries({ queryKey: juriesKey });
      navigate(`/jurys/${id}`);
    },
  });
  const error = create.error;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = requestOf(draft);
    setSent(body);
    create.mutate(body);
  };
  /** The API's error about the n-th member or candidacy sent, shown by the one it concerns. */
  const itemError = (list: 'members' | 'candidacyIds', id: string) => {
    const index =
      list === 'members'
        ? (sent?.members.findIndex((m) => m.userId === id) ?? -1)
        : (sent?.candidacyIds.indexOf(id) ?? -1);
    return index < 0 ? undefined : fieldErrors(error, `${list}.${index}`);
  };
  const shownFields = ['certificationIds', 'date', 'startsAt', 'place', 'remote', 'members', 'candidacyIds'];
  const chosenMembers = (members.data ?? []).filter((m) => draft.memberIds.includes(m.id));
  // The composition rules broken (errors on `members` itself), each with its path and detail.
  const breaches =
    error instanceof ApiError
      ? (error.problem.errors ?? []).filter((e) => e.field === 'members').map((e) => e.detail)
      : [];

  return (
    <Page title="Nouveau jury">
      <form onSubmit={submit} noValidate aria-label="Convoquer une session de jury">
        <UnsavedChangesGuard dirty={draft !== EMPTY && !create.isPending && !create.isSuccess} />
        <Stack gap="lg">
          <MultiSelect
            label="Certifications"
            description="Celles de vos branches, au catalogue"
            required
            searchable
            data={certifications.options}
            value={draft.certificationIds}
            onChange={(ids) =>
              setDraft((d) => ({
                ...d,
                certificationIds: ids,
                memberIds: [],
                presidentId: null,
                candidacyIds: [],
              }))
            }
            nothingFoundMessage={certifications.pending ? 'Chargement…' : 'Aucune certification.'}
            error={fieldErrors(error, 'certificationIds')}
            maw={640}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
            <TextInput
              label="Date"
              type="date"
              required
              min={today()}
              value={draft.date}
              onChange={(e) => set('date', e.currentTarget.value)}
              error={fieldError(error, 'date')}
            />
            <TextInput
              label="Heure de début"
              description="Facultative (heure de Paris)"
              type="time"
              value={draft.startsAt}
              onChange={(e) => set('startsAt', e.currentTarget.value)}
              error={fieldError(error, 'startsAt')}
            />
          </SimpleGrid>
          <Stack gap="xs" maw={640}>
            <TextInput
              label="Lieu"
              description="Adresse de la session ; laissez vide pour une session entièrement à distance"
              value={draft.place}
              onChange={(e) => set('place', e.currentTarget.value)}
              error={fieldError(error, 'place')}
            />
            <Checkbox
              label="À distance (visioconférence)"
              checked={draft.remote}
              onChange={(e) => set('remote', e.currentTarget.checked)}
              error={fieldError(error, 'remote')}
            />
          </Stack>

          <Fieldset legend="Membres du jury" maw={640}>
            {draft.certificationIds.length === 0 ? (
              <Text size="sm">
                Choisissez d’abord les certifications : les membres habilités apparaissent ici.
              </Text>
            ) : members.isPending ? (
              <Loading label="Chargement des membres habilités…" />
            ) : members.isError ? (
              <ProblemAlert error={members.error} />
            ) : members.data.length === 0 ? (
              <Text size="sm">
                Personne n’est habilité·e comme membre de jury pour toutes ces certifications.
              </Text>
            ) : (
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  Habilité·es à la date pour chaque certification ; le collège et l’organisation viennent de
                  l’habilitation.
                </Text>
                {members.data.map((m) => (
                  <Checkbox
                    key={m.id}
                    label={m.name}
                    description={`${COLLEGE_LABELS[m.college]}${m.organisation ? ` — ${m.organisation}` : ''}`}
                    checked={draft.memberIds.includes(m.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setDraft((d) => ({
                        ...d,
                        memberIds: toggle(d.memberIds, m.id, on),
                        presidentId: !on && d.presidentId === m.id ? null : d.presidentId,
                      }));
                    }}
                    error={itemError('members', m.id)}
                  />
                ))}
                {chosenMembers.length > 0 && (
                  <Radio.Group
                    label="Président·e"
                    description="Un·e seul·e, parmi les membres choisis"
                    required
                    value={draft.presidentId}
                    onChange={(value) => set('presidentId', value)}
                  >
                    <Stack gap={6} mt="xs">
                      {chosenMembers.map((m) => (
                        <Radio key={m.id} value={m.id} label={`${m.name} (${COLLEGE_LABELS[m.college]})`} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              </Stack>
            )}
            {breaches.length > 0 && (
              <Alert color="red" mt="sm" title="Composition refusée">
                <List size="sm">
                  {breaches.map((b) => (
                    <List.Item key={b}>{b}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Fieldset>

          <Fieldset legend="Parcours à présenter" maw={640}>
            {draft.certificationIds.length === 0 ? (
              <Text size="sm">
                Les parcours « Prêt·e pour le jury » des certifications choisies apparaissent ici.
              </Text>
            ) : candidacies.isPending ? (
              <Loading label="Chargement des parcours…" />
            ) : candidacies.isError ? (
              <ProblemAlert error={candidacies.error} />
            ) : candidacies.data.length === 0 ? (
              <Text size="sm">Aucun parcours prêt pour le jury dans ces certifications.</Text>
            ) : (
              <Stack gap="sm">
                <Checkbox
                  label="Tous les parcours"
                  checked={draft.candidacyIds.length === candidacies.data.length}
                  indeterminate={
                    draft.candidacyIds.length > 0 && draft.candidacyIds.length < candidacies.data.length
                  }
                  onChange={(e) =>
                    set('candidacyIds', e.currentTarget.checked ? candidacies.data.map((c) => c.id) : [])
                  }
                />
                {candidacies.data.map((c: CandidacySummary) => (
                  <Checkbox
                    key={c.id}
                    label={candidateName(c.candidate)}
                    description={`${c.certification.code} — ${c.trainingOrganisation.name}`}
                    checked={draft.candidacyIds.includes(c.id)}
                    onChange={(e) =>
                      set('candidacyIds', toggle(draft.candidacyIds, c.id, e.currentTarget.checked))
                    }
                    error={itemError('candidacyIds', c.id)}
                  />
                ))}
              </Stack>
            )}
            {fieldError(error, 'candidacyIds') && (
              <Text c="red" size="sm" mt="xs">
                {fieldError(error, 'candidacyIds')}
              </Text>
            )}
          </Fieldset>

          {error && <ProblemAlert error={error} shownFields={shownFields} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Convoquer le jury
            </Button>
            <Button variant="default" onClick={() => navigate('/jurys')}>
              Annuler
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
