import { ApiError } from '../api/client';

/** The API's message for one form field (`errors[].field`), if the error names it. */
export function fieldError(error: Error | null, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.errors?.find((e) => e.field === field)?.detail;
}
