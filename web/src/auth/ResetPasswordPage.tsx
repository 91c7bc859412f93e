import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../ui/Page';
import { ResetPasswordForm } from './ResetPasswordForm';

/** `/reinitialiser-mot-de-passe?token=…`, the link sent by e-mail. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [done, setDone] = useState(false);

  return (
    <Page title="Choisir un nouveau mot de passe">
      {done ? (
        <Stack align="flex-start">
          <Alert color="blue">
            Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter.
          </Alert>
          <Button component={Link} to="/connexion">
            Se connecter
          </Button>
        </Stack>
      ) : (
        <>
          {token ? (
            <ResetPasswordForm token={token} onDone={() => setDone(true)} />
          ) : (
            <Alert color="red" title="Lien incomplet">
              Ce lien de réinitialisation ne contient pas de jeton. Ouvrez le lien reçu par e-mail tel quel,
              ou demandez-en un nouveau.
            </Alert>
          )}
          <Anchor component={Link} to="/mot-de-passe-oublie">
            Demander un nouveau lien
          </Anchor>
        </>
      )}
    </Page>
  );
}
