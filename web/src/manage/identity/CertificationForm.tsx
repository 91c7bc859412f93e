import {
  Button,
  Fieldset,
  Group,
  Loader,
  MultiSelect,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { CertificationInput, CertificationKind } from '../../api/catalogue';
import { KIND_DESCRIPTIONS } from '../../catalogue/labels';
import { useBranches } from '../../catalogue/queries';
import { fieldError, fieldErrors } from '../../ui/fieldError';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';

/** Every field the form shows errors for (a name covers what lies under it). */
const FIELDS = [
  'kind',
  'code',
  'title',
  'branchIds',
  'legalOwner',
  'romeCodes',
  'nsfCodes',
  'formacodeCodes',
  'description',
  'jobsTargeted',
];

const CODES_HELP = 'Saisissez un code puis appuyez sur Entrée.';

/** The reference code lists, each as typed (ROME codes in capitals). */
const CODE_LISTS: {
  key: 'romeCodes' | 'nsfCodes' | 'formacodeCodes';
  label: string;
  canonical: (code: string) => string;
}[] = [
  { key: 'romeCodes', label: 'Codes ROME', canonical: (code) => code.toUpperCase() },
  { key: 'nsfCodes', label: 'Codes NSF', canonical: (code) => code },
  { key: 'formacodeCodes', label: 'Formacodes', canonical: (code) => code },
];

export const emptyCertification = (branchIds: string[] = []): CertificationInput => ({
  kind: 'CQP',
  code: '',
  title: '',
  branchIds,
  legalOwner: { name: '', siret: '' },
  romeCodes: [],
  nsfCodes: [],
  formacodeCodes: [],
  description: '',
  jobsTargeted: '',
});

type CertificationFormProps = {
  initial: CertificationInput;
  submitLabel: string;
  onSubmit: (input: CertificationInput) => void;
  pending: boolean;
  error: Error | null;
};

/** A certification's identity: kind, code, title, branches, legal owner, codes, description. */
export function CertificationForm({
  initial,
  submitLabel,
  onSubmit,
  pending,
  error,
}: CertificationFormProps) {
  const [value, setValue] = useState(initial);
  const branches = useBranches();
  const set = <K extends keyof CertificationInput>(key: K, v: CertificationInput[K]) =>
    setValue((current) => ({ ...current, [key]: v }));
  const setOwner = (key: 'name' | 'siret', v: string) =>
    setValue((current) => ({ ...current, legalOwner: { ...current.legalOwner, [key]: v } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value);
  };

  return (
    <form onSubmit={submit} noValidate>
      <UnsavedChangesGuard dirty={!pending && JSON.stringify(value) !== JSON.stringify(initial)} />
      <Stack>
        {error && <ProblemAlert error={error} shownFields={FIELDS} />}
        <Radio.Group
          label="Type de certification"
          value={value.kind}
          onChange={(v) => set('kind', v as CertificationKind)}
          error={fieldError(error, 'kind')}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="CQP" label="CQP" description={KIND_DESCRIPTIONS.CQP} />
            <Radio value="CQPI" label="CQPI" description={KIND_DESCRIPTIONS.CQPI} />
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Code"
            description="Identifiant court et unique, par exemple CQP-APS."
            required
            maxLength={40}
            value={value.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={fieldError(error, 'code')}
          />
          <TextInput
            label="Intitulé"
            description="Tel qu’il figure sur le certificat."
            required
            maxLength={300}
            value={value.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={fieldError(error, 'title')}
          />
        </SimpleGrid>
        <MultiSelect
          label="Branches"
          description="Un CQP relève d’une branche ; un CQPI d’au moins deux."
          required
          data={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          // Until the branches' names arrive, their ids would show: a loader instead.
          value={branches.isPending ? [] : value.branchIds}
          disabled={branches.isPending}
          placeholder={branches.isPending ? 'Chargement des branches…' : undefined}
          rightSection={branches.isPending ? <Loader size="xs" aria-hidden /> : undefined}
          onChange={(v) => set('branchIds', v)}
          searchable
          nothingFoundMessage="Aucune branche ne correspond."
          error={
            fieldErrors(error, 'branchIds') ??
            (branches.isError ? 'Liste des branches indisponible.' : undefined)
          }
        />
        <Fieldset legend="Propriétaire légal">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Nom du propriétaire légal"
              description="L’organisme qui détient la certification."
              required
              maxLength={300}
              value={value.legalOwner.name}
              onChange={(e) => setOwner('name', e.currentTarget.value)}
              error={fieldError(error, 'legalOwner.name')}
            />
            <TextInput
              label="SIRET"
              description="14 chiffres."
              required
              inputMode="numeric"
              maxLength={20}
              value={value.legalOwner.siret}
              onChange={(e) => setOwner('siret', e.currentTarget.value)}
              error={fieldError(error, 'legalOwner.siret')}
            />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {CODE_LISTS.map(({ key, label, canonical }) => (
            <TagsInput
              key={key}
              label={label}
              description={CODES_HELP}
              value={value[key]}
              onChange={(codes) =>
                set(
                  key,
                  codes.map((c) => canonical(c.trim())),
                )
              }
              error={fieldErrors(error, key)}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxLength={10_000}
          value={value.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={fieldError(error, 'description')}
        />
        <Textarea
          label="Métiers visés"
          autosize
          minRows={2}
          maxLength={5_000}
          value={value.jobsTargeted}
          onChange={(e) => set('jobsTargeted', e.currentTarget.value)}
          error={fieldError(error, 'jobsTargeted')}
        />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
