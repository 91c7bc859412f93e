import { NumberInput, Radio, Stack } from '@mantine/core';
import type { RuleModel } from './model';

type RuleEditorProps = {
  rule: RuleModel;
  /** M: the criteria of the bloc's competencies. */
  criteriaCount: number;
  onChange: (rule: RuleModel) => void;
  error: string | undefined;
};

/** A bloc's pass rule: every criterion, or at least N of its M criteria. */
export function RuleEditor({ rule, criteriaCount, onChange, error }: RuleEditorProps) {
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Règle de validation du bloc"
        value={rule.kind}
        onChange={(kind) => onChange({ ...rule, kind: kind as RuleModel['kind'] })}
      >
        <Stack gap={6} mt={6}>
          <Radio value="all" label="Tous les critères" />
          <Radio value="n_of_m" label="N critères sur M" />
        </Stack>
      </Radio.Group>
      {rule.kind === 'n_of_m' && (
        <NumberInput
          label="Nombre de critères exigés (N)"
          description={`Sur ${criteriaCount} ${criteriaCount > 1 ? 'critères' : 'critère'} dans ce bloc (M).`}
          min={1}
          max={Math.max(criteriaCount, 1)}
          allowDecimal={false}
          w={260}
          value={rule.n}
          onChange={(n) => onChange({ ...rule, n: typeof n === 'number' ? n : Number(n) || 1 })}
          error={error}
        />
      )}
    </Stack>
  );
}
