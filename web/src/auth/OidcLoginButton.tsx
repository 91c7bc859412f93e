import { Button, Divider } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Providers } from '../api/types';

/**
 * Single sign-on, when the server offers it: a full-page navigation to the identity
 * provider, which comes back to `returnTo` (or to the login page with `?erreur=`).
 */
export function OidcLoginButton({ returnTo }: { returnTo: string }) {
  const providers = useQuery({
    queryKey: ['auth-providers'],
    queryFn: () => api.get<Providers>('/api/v1/auth/providers'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // Password login works without it: while loading or on error, the button is simply absent.
  if (!providers.data?.oidc.enabled) return null;
  return (
    <>
      <Divider label="ou" labelPosition="center" />
      <Button
        variant="default"
        onClick={() =>
          window.location.assign(`/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`)
        }
      >
        {`Se connecter avec ${providers.data.oidc.label}`}
      </Button>
    </>
  );
}
