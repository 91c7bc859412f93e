import { Group, Radio, Skeleton, Stack } from '@mantine/core';

/** `count` undefined: the counts are loading (a placeholder is shown, never « (0) »). */
export type FacetOption = { value: string; label: string; count: number | undefined };

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
    <Radio.Group
      label={label}
      aria-busy={options.some((o) => o.count === undefined)}
      value={value ?? ALL}
      onChange={(v) => onChange(v === ALL ? undefined : v)}
    >
      <Stack gap={6} mt="xs">
        <Radio value={ALL} label={allLabel} />
        {options.map((option) => (
          <Radio
            key={option.value}
            value={option.value}
            label={
              option.count === undefined ? (
                <Group gap={6} component="span">
                  {option.label}
                  <Skeleton component="span" height={12} width={28} aria-hidden />
                </Group>
              ) : (
                `${option.label} (${option.count})`
              )
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
