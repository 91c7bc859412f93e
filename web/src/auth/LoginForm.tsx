import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { fieldError } from '../ui/fieldError';
import { PasswordField } from '../ui/PasswordField';
import { ProblemAlert } from '../ui/ProblemAlert';
import { storeSignedIn } from './me';

const FIELDS = ['email', 'password'] as const;

/** Email and password; once signed in, the login page sends the person on. */
export function LoginForm() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.post<Me>('/api/v1/auth/login', { email, password }),
    onSuccess: (me) => storeSignedIn(queryClient, me),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {login.error && <ProblemAlert error={login.error} shownFields={FIELDS} />}
        <TextInput
          label="Adresse e-mail"
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldError(login.error, 'email')}
        />
        <PasswordField
          label="Mot de passe"
          autoComplete="current-password"
          required
          withAsterisk={false}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldError(login.error, 'password')}
        />
        <Button type="submit" loading={login.isPending}>
          Se connecter
        </Button>
      </Stack>
    </form>
  );
}
