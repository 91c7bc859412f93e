import { Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import {
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  type ContractType,
  CPF_LIST_LABELS,
  CPF_LISTS,
  type CpfList,
} from '../../../src/contracts/eligibility-facts';
import type { CandidateStatus, EligibilityCandidate } from './api';

/** The facts issue 11 added, as typed in the form; null: not said (the API then says « à préciser »). */
export type Facts = {
  contractType: ContractType | null;
  shortTimeWork: boolean | null;
  formerCui: boolean | null;
  disabilityRecognised: boolean | null;
  craft: boolean | null;
  monthsEmployee?: number | undefined;
  monthsInFirm?: number | undefined;
  monthsEmployeeLast5Years?: number | undefined;
  monthsCddLast12?: number | undefined;
  /** null: not said; [] : on none of the lists. */
  cpfLists: CpfList[] | null;
};

export const NO_FACTS: Facts = {
  contractType: null,
  shortTimeWork: null,
  formerCui: null,
  disabilityRecognised: null,
  craft: null,
  cpfLists: null,
};

/** Facts about the employment itself: asked of employees only. */
const EMPLOYEE_ONLY = new Set([
  'candidate.contractType',
  'candidate.shortTimeWork',
  'candidate.seniority.monthsEmployee',
  'candidate.seniority.monthsInFirm',
  'candidate.seniority.monthsEmployeeLast5Years',
  'candidate.seniority.monthsCddLast12',
  'candidate.employer.craft',
  'candidate.disabilityRecognised',
]);

/** The CDD variant of the seniority rule (D6323-9) is for these contracts. */
const FIXED_TERM: ReadonlySet<ContractType> = new Set(['cdd', 'cdd_iae', 'cui', 'sports_cdd']);

/** The fields to ask: needed by a rule in force on the date, and meaningful for the status. */
export function askedFields(needed: Set<string>, status: CandidateStatus, facts: Facts): Set<string> {
  const asked = new Set([...needed].filter((f) => status === 'employee' || !EMPLOYEE_ONLY.has(f)));
  // The CDD variant's months matter only for a fixed-term contract (or one not said yet).
  if (facts.contractType !== null && !FIXED_TERM.has(facts.contractType)) {
    asked.delete('candidate.seniority.monthsEmployeeLast5Years');
    asked.delete('candidate.seniority.monthsCddLast12');
  }
  return asked;
}

/** The request's part for these facts: only what is asked and said. */
export function factsRequest(facts: Facts, asked: Set<string>): Partial<EligibilityCandidate> {
  const has = (field: string) => asked.has(field);
  const out: Partial<EligibilityCandidate> = {};
  if (has('candidate.contractType') && facts.contractType) out.contractType = facts.contractType;
  if (has('candidate.shortTimeWork') && facts.shortTimeWork !== null) out.shortTimeWork = facts.shortTimeWork;
  if (has('candidate.formerCui') && facts.formerCui !== null) out.formerCui = facts.formerCui;
  if (has('candidate.disabilityRecognised') && facts.disabilityRecognised !== null)
    out.disabilityRecognised = facts.disabilityRecognised;
  if (has('candidate.cpfLists') && facts.cpfLists !== null) out.cpfLists = facts.cpfLists;
  if (
    has('candidate.seniority.monthsEmployee') &&
    facts.monthsEmployee !== undefined &&
    facts.monthsInFirm !== undefined
  ) {
    out.seniority = {
      monthsEmployee: facts.monthsEmployee,
      monthsInFirm: facts.monthsInFirm,
      ...(has('candidate.seniority.monthsEmployeeLast5Years') && facts.monthsEmployeeLast5Years !== undefined
        ? { monthsEmployeeLast5Years: facts.monthsEmployeeLast5Years }
        : {}),
      ...(has('candidate.seniority.monthsCddLast12') && facts.monthsCddLast12 !== undefined
        ? { monthsCddLast12: facts.monthsCddLast12 }
        : {}),
    };
  }
  return out;
}

const num = (v: string | number) => (typeof v === 'number' ? v : undefined);

function YesNo({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: boolean | null;
  onChange: (v: boolean | null) => void;
  error: string | undefined;
}) {
  return (
    <Select
      label={label}
      placeholder="Non précisé"
      clearable
      data={[
        { value: 'yes', label: 'Oui' },
        { value: 'no', label: 'Non' },
      ]}
      value={value === null ? null : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === null ? null : v === 'yes')}
      error={error}
    />
  );
}

const NONE = 'none';

/**
 * The candidate facts the rules in force need, and only those: the contract and seniority for an
 * employee (CIF, CPF de transition, Pro-A, période de professionnalisation, POE), a former CUI
 * (contrat de professionnalisation), the 2015–2018 CPF lists…
 */
export function CandidateFacts({
  asked,
  facts,
  onChange,
  errorOf,
}: {
  asked: Set<string>;
  facts: Facts;
  onChange: (facts: Facts) => void;
  /** The API's error for a field, named as in `asked` (`candidate.contractType`…). */
  errorOf: (field: string) => string | undefined;
}) {
  const set = (patch: Partial<Facts>) => onChange({ ...facts, ...patch });
  const has = (field: string) => asked.has(field);
  if (asked.size === 0) return null;
  return (
    <Stack gap="sm" data-testid="candidate-facts">
      <Group grow align="flex-end">
        {has('candidate.contractType') && (
          <Select
            label="Contrat de travail"
            placeholder="Non précisé"
            clearable
            data={CONTRACT_TYPES.map((value) => ({ value, label: CONTRACT_TYPE_LABELS[value] }))}
            value={facts.contractType}
            onChange={(v) => set({ contractType: (v as ContractType | null) ?? null })}
            error={errorOf('candidate.contractType')}
          />
        )}
        {has('candidate.shortTimeWork') && (
          <YesNo
            label="En activité partielle"
            value={facts.shortTimeWork}
            onChange={(shortTimeWork) => set({ shortTimeWork })}
            error={errorOf('candidate.shortTimeWork')}
          />
        )}
        {has('candidate.formerCui') && (
          <YesNo
            label="A eu un contrat unique d’insertion (CUI)"
            value={facts.formerCui}
            onChange={(formerCui) => set({ formerCui })}
            error={errorOf('candidate.formerCui')}
          />
        )}
      </Group>
      {has('candidate.seniority.monthsEmployee') && (
        <Group grow align="flex-end">
          <NumberInput
            label="Mois d’activité salariée (au total)"
            min={0}
            max={720}
            value={facts.monthsEmployee ?? ''}
            onChange={(v) => set({ monthsEmployee: num(v) })}
            error={errorOf('candidate.seniority.monthsEmployee')}
          />
          <NumberInput
            label="Mois dans l’entreprise actuelle"
            min={0}
            max={720}
            value={facts.monthsInFirm ?? ''}
            onChange={(v) => set({ monthsInFirm: num(v) })}
            error={errorOf('candidate.seniority.monthsInFirm')}
          />
          {has('candidate.seniority.monthsEmployeeLast5Years') && (
            <NumberInput
              label="Mois salariés sur les 5 dernières années"
              min={0}
              max={60}
              value={facts.monthsEmployeeLast5Years ?? ''}
              onChange={(v) => set({ monthsEmployeeLast5Years: num(v) })}
              error={errorOf('candidate.seniority.monthsEmployeeLast5Years')}
            />
          )}
          {has('candidate.seniority.monthsCddLast12') && (
            <NumberInput
              label="Mois en CDD sur les 12 derniers mois"
              min={0}
              max={12}
              value={facts.monthsCddLast12 ?? ''}
              onChange={(v) => set({ monthsCddLast12: num(v) })}
              error={errorOf('candidate.seniority.monthsCddLast12')}
            />
          )}
        </Group>
      )}
      <Group grow align="flex-end">
        {has('candidate.employer.craft') && (
          <YesNo
            label="Entreprise artisanale de moins de 11 salariés"
            value={facts.craft}
            onChange={(craft) => set({ craft })}
            error={errorOf('candidate.employer.craft')}
          />
        )}
        {has('candidate.disabilityRecognised') && (
          <YesNo
            label="Handicap reconnu (obligation d’emploi)"
            value={facts.disabilityRecognised}
            onChange={(disabilityRecognised) => set({ disabilityRecognised })}
            error={errorOf('candidate.disabilityRecognised')}
          />
        )}
      </Group>
      {has('candidate.cpfLists') && (
        <Checkbox.Group
          label="Listes CPF (2015-2018) sur lesquelles figurait la formation"
          description="Rien de coché : non précisé."
          error={errorOf('candidate.cpfLists')}
          value={facts.cpfLists === null ? [] : facts.cpfLists.length === 0 ? [NONE] : facts.cpfLists}
          onChange={(values) => {
            const lists = values.filter((v): v is CpfList => v !== NONE);
            const none = values.includes(NONE) && !(facts.cpfLists?.length === 0 && lists.length > 0);
            set({ cpfLists: none ? [] : lists.length > 0 ? lists : null });
          }}
        >
          <Group mt="xs">
            {CPF_LISTS.map((list) => (
              <Checkbox key={list} value={list} label={CPF_LIST_LABELS[list]} />
            ))}
            <Checkbox value={NONE} label="Sur aucune de ces listes" />
          </Group>
        </Checkbox.Group>
      )}
      <Text size="xs" c="dimmed">
        Informations demandées parce qu’une règle en vigueur à cette date en a besoin ; laissées vides, la
        voie reste « à préciser ».
      </Text>
    </Stack>
  );
}
