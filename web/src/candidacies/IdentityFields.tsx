import { Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';

/** « janvier » … « décembre », as the browser's French names them. */
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 1))),
);

/** A civil identity as typed: strings where the person types, null where nothing is chosen. */
export type CivilIdentityDraft = {
  birthName: string;
  usageName: string;
  firstNames: [string, string, string];
  sex: 'F' | 'M' | null;
  birthYear: number | null;
  birthMonth: string | null;
  birthDay: string | null;
  bornIn: 'france' | 'abroad';
  communeInsee: string;
  countryInsee: string;
};

/**
 * The civil identity's fields — names, first names, sex, birth date, commune or country — of
 * the enrolment form and of the « Identité » tab. `errorOf` gives the API's message for a field
 * named as in the identity (`birthPlace.communeInsee`…): each form adds its own prefix.
 */
export function CivilIdentityFields<D extends CivilIdentityDraft>({
  draft,
  setDraft,
  errorOf,
}: {
  draft: D;
  setDraft: Dispatch<SetStateAction<D>>;
  errorOf: (field: string) => string | undefined;
}) {
  const set = <K extends keyof CivilIdentityDraft>(key: K, value: D[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'birthName' | 'usageName' | 'communeInsee' | 'countryInsee', field: string) => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as D[typeof key]),
    error: errorOf(field),
  });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Nom de naissance" required {...text('birthName', 'birthName')} />
        <TextInput label="Nom d’usage" {...text('usageName', 'usageName')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {(['Premier prénom', 'Deuxième prénom', 'Troisième prénom'] as const).map((label, i) => (
          <TextInput
            key={label}
            label={label}
            required={i === 0}
            value={draft.firstNames[i]}
            onChange={(e) => {
              const next = [...draft.firstNames] as CivilIdentityDraft['firstNames'];
              next[i] = e.currentTarget.value;
              set('firstNames', next as D['firstNames']);
            }}
            error={errorOf(`firstNames.${i}`) ?? (i === 0 ? errorOf('firstNames') : undefined)}
          />
        ))}
      </SimpleGrid>
      <Radio.Group
        label="Sexe"
        required
        value={draft.sex}
        onChange={(v) => set('sex', v as D['sex'])}
        error={errorOf('sex')}
      >
        <Group mt={4}>
          <Radio value="F" label="Féminin" />
          <Radio value="M" label="Masculin" />
        </Group>
      </Radio.Group>
      <Fieldset legend="Date de naissance" variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Jour"
            placeholder="Inconnu"
            clearable
            disabled={!draft.birthMonth}
            data={Array.from({ length: 31 }, (_, i) => String(i + 1))}
            value={draft.birthDay}
            onChange={(v) => set('birthDay', v as D['birthDay'])}
            error={errorOf('birthDate.day')}
          />
          <Select
            label="Mois"
            placeholder="Inconnu"
            clearable
            data={MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))}
            value={draft.birthMonth}
            onChange={(v) => setDraft((d) => ({ ...d, birthMonth: v, birthDay: v ? d.birthDay : null }))}
            error={errorOf('birthDate.month')}
          />
          <NumberInput
            label="Année"
            required
            min={1900}
            max={2100}
            allowDecimal={false}
            value={draft.birthYear ?? ''}
            onChange={(v) => set('birthYear', (typeof v === 'number' ? v : null) as D['birthYear'])}
            error={errorOf('birthDate.year') ?? errorOf('birthDate')}
          />
        </SimpleGrid>
      </Fieldset>
      <Radio.Group
        label="Lieu de naissance"
        value={draft.bornIn}
        onChange={(v) => set('bornIn', v as D['bornIn'])}
      >
        <Group mt={4}>
          <Radio value="france" label="En France" />
          <Radio value="abroad" label="À l’étranger" />
        </Group>
      </Radio.Group>
      {draft.bornIn === 'france' ? (
        <TextInput
          label="Code INSEE de la commune de naissance"
          description="5 caractères (2A/2B pour la Corse) ; l’arrondissement à Paris, Lyon et Marseille"
          required
          maxLength={5}
          {...text('communeInsee', 'birthPlace.communeInsee')}
          error={errorOf('birthPlace.communeInsee') ?? errorOf('birthPlace')}
        />
      ) : (
        <TextInput
          label="Code INSEE du pays de naissance"
          description="99 suivi de 3 chiffres (par exemple 99134 pour l’Espagne)"
          required
          maxLength={5}
          {...text('countryInsee', 'birthPlace.countryInsee')}
          error={errorOf('birthPlace.countryInsee') ?? errorOf('birthPlace')}
        />
      )}
    </>
  );
}
