import { TextInput } from '@mantine/core';
import { fieldError } from './fieldError';

type DateRangeFieldsProps<K extends string> = {
  /** « Valable du », « Valable jusqu’au ». */
  labels: readonly [string, string];
  /** The two fields, as the API names them (its errors are shown under each). */
  fields: readonly [K, K];
  values: Readonly<Record<K, string>>;
  onChange: (field: K, value: string) => void;
  error: Error | null;
};

/** A required start and end date (two inputs, laid out by the caller's grid). */
export function DateRangeFields<K extends string>({
  labels,
  fields,
  values,
  onChange,
  error,
}: DateRangeFieldsProps<K>) {
  return fields.map((field, i) => (
    <TextInput
      key={field}
      label={labels[i]}
      type="date"
      required
      value={values[field]}
      onChange={(e) => onChange(field, e.currentTarget.value)}
      error={fieldError(error, field)}
    />
  ));
}
