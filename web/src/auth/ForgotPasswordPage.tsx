import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import { fieldError } from '../ui/fieldError';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';

/** Asks for a reset link. The answer is the same whether the account exists or not. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => api.post('/api/v1/auth/password-reset', { email }),
  });
  // The development outbox exists only when mail is not really sent (404 otherwise); it is for
  // admins (401 / 403 to others, who still learn where it is).
  const outbox = useQuery({
    queryKey: ['dev-outbox'],
    queryFn: () => api.get('/api/v1/dev/outbox'),
    enabled: request.isSuccess,
    retry: false,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };

  return (
    <Page title="Mot de passe oublié">
      {request.isSuccess ? (
        <Stack>
          <Alert color="blue">
            Si un compte existe pour cette adresse, un lien de réinitialisation vient d'être envoyé.
          </Alert>
          {(outbox.isSuccess ||
            (outbox.error instanceof ApiError && [401, 403].includes(outbox.error.status))) && (
            <Anchor component={Link} to="/dev/boite-envoi">
              Ouvrir la boîte d'envoi (développement, réservée aux administrateurs)
            </Anchor>
          )}
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>
              Indiquez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de
              passe.
            </Text>
            {request.error && <ProblemAlert error={request.error} shownFields={['email']} />}
            <TextInput
              label="Adresse e-mail"
              type="email"
              autoComplete="email"
              required
              withAsterisk={false}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(request.error, 'email')}
            />
            <Button type="submit" loading={request.isPending}>
              Envoyer le lien
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/connexion">
        Retour à la connexion
      </Anchor>
    </Page>
  );
}
