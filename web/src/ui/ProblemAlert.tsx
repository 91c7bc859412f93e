import { Alert, List } from '@mantine/core';
import { ApiError, type Problem } from '../api/client';

type ProblemAlertProps = {
  error: Error;
  /** Replaces the problem's own title. */
  title?: string;
  /** Fields whose errors the form already shows next to the input. */
  shownFields?: readonly string[];
};

function problemOf(error: Error): Problem {
  if (error instanceof ApiError) return error.problem;
  return { type: 'about:blank', title: 'Erreur inattendue', status: 0, detail: error.message };
}

/** An API error as the person should read it: the problem's title, detail and field errors. */
export function ProblemAlert({ error, title, shownFields = [] }: ProblemAlertProps) {
  const problem = problemOf(error);
  const others = (problem.errors ?? []).filter((e) => !shownFields.includes(e.field));
  return (
    <Alert color="red" title={title ?? problem.title}>
      {problem.detail ?? 'Une erreur est survenue.'}
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
