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
  /** Both dates asked for (the default), or both optional. */
  required?: boolean;
  /** Each input's width, when the caller's layout is not a grid. */
  w?: number;
};

/** A start and an end date, required by default (two inputs, laid out by the caller's grid). */
export function DateRangeFields<K extends string>({
  labels,
  fields,
  values,
  onChange,
  error,
  required = true,
  w,
}: DateRangeFieldsProps<K>) {
  return fields.map((field, i) => (
    <TextInput
      key={field}
      label={labels[i]}
      type="date"
      required={required}
      w={w}
      value={values[field]}
      onChange={(e) => onChange(field, e.currentTarget.value)}
      error={fieldError(error, field)}
    />
  ));
}
