import { ApiError, type FieldError } from '../api/client';

function errorsOf(error: Error | null): FieldError[] {
  return error instanceof ApiError ? (error.problem.errors ?? []) : [];
}

/** The API's message for one form field (`errors[].field`), if the error names it. */
export function fieldError(error: Error | null, field: string): string | undefined {
  return errorsOf(error).find((e) => e.field === field)?.detail;
}

/** Whether `field` is `prefix` itself or lies under it: `romeCodes.2` is under `romeCodes`. */
export function isUnder(field: string, prefix: string): boolean {
  return field === prefix || field.startsWith(`${prefix}.`);
}

/**
 * Every message for a field and what lies under it (`branchIds`, `branchIds.0`…), joined:
 * for inputs that hold a list, where the API names the list or one of its items.
 */
export function fieldErrors(error: Error | null, prefix: string): string | undefined {
  const details = errorsOf(error)
    .filter((e) => isUnder(e.field, prefix))
    .map((e) => e.detail);
  return details.length > 0 ? [...new Set(details)].join(' ') : undefined;
}
