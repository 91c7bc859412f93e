import { Alert, List, Text } from '@mantine/core';
import { ApiError, type Problem } from '../api/client';
import { isUnder } from './fieldError';

export type ProblemAlertProps = {
  error: Error;
  /** Replaces the problem's own title. */
  title?: string;
  /**
   * Fields whose errors the form already shows next to the input: names (a name also
   * covers what lies under it, `romeCodes` covers `romeCodes.0`) or a test.
   */
  shownFields?: readonly string[] | ((field: string) => boolean);
};

function problemOf(error: Error): Problem {
  if (error instanceof ApiError) return error.problem;
  return { type: 'about:blank', title: 'Erreur inattendue', status: 0, detail: error.message };
}

/** An API error as the person should read it: the problem's title, detail and field errors. */
export function ProblemAlert({ error, title, shownFields = [] }: ProblemAlertProps) {
  const problem = problemOf(error);
  const shown =
    typeof shownFields === 'function'
      ? shownFields
      : (field: string) => shownFields.some((prefix) => isUnder(field, prefix));
  const errors = problem.errors ?? [];
  const others = errors.filter((e) => !shown(e.field));
  const inline = errors.length - others.length;
  return (
    <Alert color="red" title={title ?? problem.title}>
      {problem.detail ?? 'Une erreur est survenue.'}
      {inline > 0 && (
        <Text size="sm" mt="xs">
          {inline > 1
            ? `${inline} erreurs sont indiquées sous les champs concernés.`
            : 'Une erreur est indiquée sous le champ concerné.'}
        </Text>
      )}
      {others.length > 0 && (
        <List size="sm" mt="xs">
          {others.map((e) => (
            <List.Item key={e.pointer}>{e.detail}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
