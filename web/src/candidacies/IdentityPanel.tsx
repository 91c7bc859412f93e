import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { RequestBody } from '../api/types';
import { cdcKey } from '../cdc/cdc';
import { COLORS } from '../ui/colors';
import { fieldError } from '../ui/fieldError';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard';
import { type Candidate, candidaciesKey, useCandidacy, useCandidate } from './candidacy';
import { type CivilIdentityDraft, CivilIdentityFields } from './IdentityFields';

type IdentityPatch = RequestBody<'/api/v1/candidates/{id}', 'patch'>;

/** The fields whose errors show under their input (the alert counts them, lists the others). */
const INLINE_FIELDS = [
  'birthName',
  'usageName',
  'firstNames',
  'sex',
  'birthDate',
  'birthPlace',
  'email',
  'nir',
];

/** The identity as typed: strings where the person types, null where nothing is chosen. */
type Draft = CivilIdentityDraft & { email: string; nir: string };

function draftOf(c: Candidate): Draft {
  return {
    birthName: c.birthName,
    usageName: c.usageName ?? '',
    firstNames: [c.firstNames[0] ?? '', c.firstNames[1] ?? '', c.firstNames[2] ?? ''],
    sex: c.sex,
    birthYear: c.birthDate.year,
    birthMonth: c.birthDate.month !== undefined ? String(c.birthDate.month) : null,
    birthDay: c.birthDate.day !== undefined ? String(c.birthDate.day) : null,
    bornIn: 'communeInsee' in c.birthPlace ? 'france' : 'abroad',
    communeInsee: 'communeInsee' in c.birthPlace ? c.birthPlace.communeInsee : '',
    countryInsee: 'countryInsee' in c.birthPlace ? c.birthPlace.countryInsee : '',
    email: c.email ?? '',
    nir: '',
  };
}

/** The whole identity as the API takes it (the server keeps what did not change); a NIR only when typed. */
function requestOf(d: Draft): IdentityPatch {
  const nir = d.nir.replace(/\s/g, '');
  return {
    birthName: d.birthName.trim(),
    usageName: d.usageName.trim() === '' ? null : d.usageName.trim(),
    firstNames: d.firstNames.map((n) => n.trim()).filter((n) => n !== ''),
    sex: d.sex ?? 'F',
    birthDate: {
      year: d.birthYear ?? 0,
      ...(d.birthMonth ? { month: Number(d.birthMonth) } : {}),
      ...(d.birthMonth && d.birthDay ? { day: Number(d.birthDay) } : {}),
    },
    birthPlace:
      d.bornIn === 'france'
        ? { communeInsee: d.communeInsee.trim() }
        : { countryInsee: d.countryInsee.trim() },
    email: d.email.trim() === '' ? null : d.email.trim(),
    ...(nir ? { nir } : {}),
  };
}

/**
 * The « Identité » tab of a candidacy: the candidate's civil identity, corrected by those who
 * enrol (a « passage KO » of the Caisse des Dépôts, a typo). The API checks it as at enrolment
 * and its field errors show under the fields; the candidate reads it only (ADR 0005).
 */
export function IdentityPanel({ candidacyId }: { candidacyId: string }) {
  const candidacy = useCandidacy(candidacyId);
  const candidateId = candidacy.data?.candidateId ?? '';
  const candidate = useCandidate(candidateId);
  if (candidacy.isError) return <ProblemAlert error={candidacy.error} />;
  if (candidate.isError) return <ProblemAlert error={candidate.error} />;
  if (!candidate.data) {
    if (candidate.data === null)
      return <Text c="dimmed">L’identité de ce candidat ne vous est pas accessible.</Text>;
    return <Loading label="Chargement de l’identité…" />;
  }
  if (!candidate.data.can.updateIdentity)
    return (
      <Text c="dimmed">
        L’identité est corrigée par l’organisme de formation ou les gestionnaires de la branche : la Caisse
        des Dépôts la compare au répertoire national.
      </Text>
    );
  return <IdentityForm key={candidate.data.id} candidate={candidate.data} />;
}

function IdentityForm({ candidate }: { candidate: Candidate }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(() => draftOf(candidate));
  const [draft, setDraft] = useState(saved);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: (body: IdentityPatch) =>
      api.patch<Candidate>(`/api/v1/candidates/${encodeURIComponent(candidate.id)}`, body),
    onSuccess: async (updated) => {
      const next = draftOf(updated);
      setSaved(next);
      setDraft(next);
      queryClient.setQueryData(['candidates', candidate.id], updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: candidaciesKey }),
        queryClient.invalidateQueries({ queryKey: cdcKey }),
      ]);
    },
  });
  const error = save.error;
  const text = (key: 'email' | 'nir', field: string) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value),
    error: fieldError(error, field),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(requestOf(draft));
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Identité du candidat">
      <UnsavedChangesGuard dirty={dirty && !save.isPending} />
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Telle que la Caisse des Dépôts la compare au répertoire national : une correction rend de nouveau à
          déposer un passage refusé.
        </Text>
        {save.isSuccess && !dirty && (
          <Alert color={COLORS.success} role="status">
            Identité enregistrée.
          </Alert>
        )}
        {error && <ProblemAlert error={error} shownFields={INLINE_FIELDS} />}
        <CivilIdentityFields
          draft={draft}
          setDraft={setDraft}
          errorOf={(field) => fieldError(error, field)}
        />
        <TextInput label="Adresse e-mail" type="email" {...text('email', 'email')} />
        <TextInput
          label="Nouveau numéro de sécurité sociale (NIR)"
          description={`Laisser vide pour le garder${candidate.nir ? ` (actuel : ${candidate.nir})` : ''} ; 15 caractères, clé comprise`}
          autoComplete="off"
          {...text('nir', 'nir')}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Enregistrer l’identité
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
