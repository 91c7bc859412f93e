import { Alert, Anchor, Stack } from '@mantine/core';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Page } from '../ui/Page';
import { LoginForm } from './LoginForm';
import { useMe } from './me';
import { OidcLoginButton } from './OidcLoginButton';
import { safeReturnPath } from './returnPath';

/** `/connexion?retour=/page&erreur=message` (the error comes from the single sign-on callback). */
export function LoginPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'));
  const error = params.get('erreur');

  if (me.data) return <Navigate to={returnTo} replace />;

  return (
    <Page title="Connexion">
      {error && (
        <Alert color="red" title="Connexion impossible">
          {error}
        </Alert>
      )}
      <Stack>
        <LoginForm />
        <OidcLoginButton returnTo={returnTo} />
        <Anchor component={Link} to="/mot-de-passe-oublie">
          Mot de passe oublié ?
        </Anchor>
        <Anchor component={Link} to="/catalogue">
          Consulter le catalogue
        </Anchor>
        <Anchor component={Link} to="/verifier-une-inscription">
          Vérifier l’inscription d’une certification au RNCP ou au RS
        </Anchor>
      </Stack>
    </Page>
  );
}
