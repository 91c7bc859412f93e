import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { fieldError } from '../ui/fieldError';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SearchSelect } from '../ui/SearchSelect';
import { type NewEmployer, organisationOptions, type RegisteredEmployer } from './enrolment';

type EmployerFieldProps = {
  value: string | null;
  /** The employer chosen, or registered here, and its name. */
  onChange: (id: string | null, name?: string) => void;
  valueLabel?: string | undefined;
  error?: string | undefined;
};

/**
 * The candidate's employer: searched by name or SIRET among the organisations Qualif knows, or
 * registered here when it is not found (SIRET checked by the API: key, not already known).
 */
export function EmployerField({ value, onChange, valueLabel, error }: EmployerFieldProps) {
  const [registering, setRegistering] = useState(false);
  const [draft, setDraft] = useState<NewEmployer>({ name: '', siret: '' });
  const register = useMutation({
    mutationFn: () => api.post<RegisteredEmployer>('/api/v1/organisations/employers', draft),
    onSuccess: (created) => {
      onChange(created.id, created.name);
      setRegistering(false);
      setDraft({ name: '', siret: '' });
    },
  });
  return (
    <Stack gap="xs">
      <SearchSelect
        label="Employeur"
        description="Nom ou SIRET ; facultatif"
        placeholder="Aucun"
        clearable
        queryKey={['organisations', 'employer']}
        search={(q) => organisationOptions('employer', q)}
        value={value}
        valueLabel={valueLabel}
        onChange={(id) => onChange(id)}
        nothingFound="Aucun employeur ne correspond : enregistrez-le ci-dessous."
        unavailable="Liste des employeurs indisponible."
        error={error}
      />
      {!registering ? (
        <Anchor component="button" type="button" size="sm" onClick={() => setRegistering(true)}>
          Employeur introuvable ? L’enregistrer par son SIRET
        </Anchor>
      ) : (
        <Stack gap="xs" p="sm" bd="1px solid var(--mantine-color-gray-4)" style={{ borderRadius: 4 }}>
          <Text size="sm" fw={500}>
            Nouvel employeur
          </Text>
          <TextInput
            label="Raison sociale"
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            error={fieldError(register.error, 'name')}
          />
          <TextInput
            label="SIRET"
            description="14 chiffres"
            required
            inputMode="numeric"
            value={draft.siret}
            onChange={(e) => setDraft({ ...draft, siret: e.currentTarget.value })}
            error={fieldError(register.error, 'siret')}
          />
          {register.error && <ProblemAlert error={register.error} shownFields={['name', 'siret']} />}
          <Group gap="sm">
            <Button
              size="sm"
              loading={register.isPending}
              // Not a submit: this box sits inside the enrolment form.
              onClick={() => register.mutate()}
            >
              Enregistrer l’employeur
            </Button>
            <Button size="sm" variant="default" onClick={() => setRegistering(false)}>
              Annuler
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
