import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { ROLE_LABELS, ROLE_SCOPE, ROLES } from '../../../src/contracts/roles';
import type { RequestBody, Role } from '../api/types';
import { fieldErrors } from '../ui/fieldError';
import { useBranches, useOrganisationChoices } from './queries';

export type GrantInput = RequestBody<'/api/v1/users/{id}/grants', 'put'>['grants'][number];
/** A grant being edited: its role may not be chosen yet. */
export type GrantDraft = { role: Role | null; branchId?: string; organisationId?: string };

/** The grants as the API takes them (rows without a role left out). */
export function grantsOf(drafts: readonly GrantDraft[]): GrantInput[] {
  return drafts.flatMap((g) => {
    if (!g.role) return [];
    const scope = ROLE_SCOPE[g.role];
    return [
      {
        role: g.role,
        ...(scope === 'branch' && g.branchId ? { branchId: g.branchId } : {}),
        ...(scope === 'organisation' && g.organisationId ? { organisationId: g.organisationId } : {}),
      },
    ];
  });
}

/** Roles held over an organisation name the organisation's kind they apply to. */
const ORGANISATION_KIND_OF_ROLE: Partial<Record<Role, string>> = {
  training_org: 'training_org',
  employer: 'employer',
};

const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

type GrantsEditorProps = {
  value: GrantDraft[];
  onChange: (next: GrantDraft[]) => void;
  /** The API's refusal, whose field errors (`grants.0.branchId`…) are shown on their rows. */
  error: Error | null;
};

/** Roles and their scopes: one row per role, the scope asked for when the role needs one. */
export function GrantsEditor({ value, onChange, error }: GrantsEditorProps) {
  const branches = useBranches();
  const organisations = useOrganisationChoices();
  const update = (i: number, patch: Partial<GrantDraft>) =>
    onChange(value.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm" id="grants-legend">
        Rôles et périmètres
      </Text>
      {value.map((grant, i) => {
        const scope = grant.role ? ROLE_SCOPE[grant.role] : null;
        const kind = grant.role ? ORGANISATION_KIND_OF_ROLE[grant.role] : undefined;
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Group key={i} align="flex-start" wrap="wrap" role="group" aria-label={`Rôle ${n}`}>
            <Select
              label={`Rôle ${n}`}
              placeholder="Choisir un rôle"
              data={roleOptions}
              value={grant.role}
              onChange={(role) =>
                update(i, { role: role as Role | null, branchId: undefined, organisationId: undefined })
              }
              error={fieldErrors(error, `grants.${i}.role`)}
              allowDeselect={false}
              w={260}
            />
            {scope === 'branch' && (
              <Select
                label={`Branche du rôle ${n}`}
                placeholder="Choisir une branche"
                searchable
                data={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
                value={grant.branchId ?? null}
                onChange={(id) => update(i, { branchId: id ?? undefined })}
                error={fieldErrors(error, `grants.${i}.branchId`)}
                nothingFoundMessage="Aucune branche"
                w={300}
              />
            )}
            {scope === 'organisation' && (
              <Select
                label={`Organisation du rôle ${n}`}
                placeholder="Choisir une organisation"
                searchable
                data={(organisations.data?.items ?? [])
                  .filter((o) => !kind || o.kind === kind)
                  .map((o) => ({ value: o.id, label: o.name }))}
                value={grant.organisationId ?? null}
                onChange={(id) => update(i, { organisationId: id ?? undefined })}
                error={fieldErrors(error, `grants.${i}.organisationId`)}
                nothingFoundMessage="Aucune organisation"
                w={300}
              />
            )}
            <Button
              variant="subtle"
              color="red"
              mt={24}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              disabled={value.length === 1}
              aria-label={`Retirer le rôle ${n}`}
            >
              Retirer
            </Button>
          </Group>
        );
      })}
      {fieldErrors(error, 'grants') && !value.some((_, i) => fieldErrors(error, `grants.${i}`)) && (
        <Text c="red" size="sm">
          {fieldErrors(error, 'grants')}
        </Text>
      )}
      <Button variant="light" w="fit-content" onClick={() => onChange([...value, { role: null }])}>
        Ajouter un rôle
      </Button>
    </Stack>
  );
}

/** The grants of an account, as rows to edit. */
export function draftsOf(
  roles: readonly { role: Role; scope: { type: string; id?: string } }[],
): GrantDraft[] {
  return roles.map((g) => ({
    role: g.role,
    ...(g.scope.type === 'branch' ? { branchId: g.scope.id } : {}),
    ...(g.scope.type === 'organisation' ? { organisationId: g.scope.id } : {}),
  }));
}
