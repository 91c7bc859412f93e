import { Radio, Stack } from '@mantine/core';

export type FacetOption = { value: string; label: string; count: number };

type FacetFilterProps = {
  label: string;
  /** Names the « all » option: « Tous les types », « Toutes les branches ». */
  allLabel: string;
  options: FacetOption[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
};

const ALL = '';

/** One filter as radio buttons, each option with the number of results it would give. */
export function FacetFilter({ label, allLabel, options, value, onChange }: FacetFilterProps) {
  return (
    <Radio.Group label={label} value={value ?? ALL} onChange={(v) => onChange(v === ALL ? undefined : v)}>
      <Stack gap={6} mt="xs">
        <Radio value={ALL} label={allLabel} />
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={`${option.label} (${option.count})`} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
