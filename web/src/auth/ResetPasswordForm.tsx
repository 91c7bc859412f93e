import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { fieldError } from '../ui/fieldError';
import { PasswordField } from '../ui/PasswordField';
import { ProblemAlert } from '../ui/ProblemAlert';

const MIN_LENGTH = 12;

type Checks = { password?: string; confirmation?: string };

function check(password: string, confirmation: string): Checks {
  return {
    password:
      password.length < MIN_LENGTH
        ? `Le mot de passe doit contenir au moins ${MIN_LENGTH} caractères.`
        : undefined,
    confirmation: confirmation !== password ? 'Les deux mots de passe ne correspondent pas.' : undefined,
  };
}

/** A new password, typed twice; the server has the last word on its policy and on the token. */
export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checks, setChecks] = useState<Checks>({});
  const reset = useMutation({
    mutationFn: () => api.post('/api/v1/auth/password-reset/confirm', { token, password }),
    onSuccess: onDone,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(password, confirmation);
    setChecks(found);
    if (!found.password && !found.confirmation) reset.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {reset.error && <ProblemAlert error={reset.error} shownFields={['password']} />}
        <PasswordField
          label="Nouveau mot de passe"
          description={`Au moins ${MIN_LENGTH} caractères.`}
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={checks.password ?? fieldError(reset.error, 'password')}
        />
        <PasswordField
          label="Confirmer le mot de passe"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={checks.confirmation}
        />
        <Button type="submit" loading={reset.isPending}>
          Enregistrer
        </Button>
      </Stack>
    </form>
  );
}
