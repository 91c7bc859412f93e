import { ApiError } from '../../../api/client';

/** The API's messages for one path of the document (`content.competencies.blocs.0.title`). */
export type Errors = (field: string) => string | undefined;

export function errorsOf(error: Error | null): Errors {
  const list = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (field) => {
    const details = list.filter((e) => e.field === field).map((e) => e.detail);
    return details.length > 0 ? [...new Set(details)].join(' ') : undefined;
  };
}

/** Joins the messages of several paths shown at one place (a code is a key in two parts of the document). */
export function joined(...messages: (string | undefined)[]): string | undefined {
  const present = messages.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** The paths the editor shows next to a field; any other error is listed above the editor. */
const SHOWN = [
  /^content\.activities\.(jobs|activities)$/,
  /^content\.activities\.jobs\.\d+\.(title|romeCode)$/,
  /^content\.activities\.activities\.\d+\.(code|title|workSituations(\.\d+)?)$/,
  /^content\.competencies\.blocs(\.\d+\.(code|title|competencies))?$/,
  /^content\.competencies\.blocs\.\d+\.competencies\.\d+\.(code|title|knowledge(\.\d+)?)$/,
  /^content\.assessment\.competencies\.\d+\.(competencyCode|methods|criteria)$/,
  /^content\.assessment\.competencies\.\d+\.criteria\.\d+\.(code|text|indicators(\.\d+)?)$/,
  /^content\.assessment\.blocRules\.\d+\.(blocCode|rule\.n)$/,
];

export function isShownInEditor(field: string): boolean {
  return SHOWN.some((pattern) => pattern.test(field));
}
