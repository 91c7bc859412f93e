import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfTokenSource } from '../api/client';
import type { Me } from '../api/types';
import { meKey } from '../auth/me';

/** Client errors (4xx) will not change on retry; network and server errors may. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The cache of server state. Any 401 means the session has ended (expired or revoked
 * elsewhere): forgetting `Me` sends the person to the login page, and back afterwards.
 */
function createQueryClient(): QueryClient {
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) client.setQueryData<Me | null>(meKey, null);
  };
  const client = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000 } },
  });
  setCsrfTokenSource(() => client.getQueryData<Me | null>(meKey)?.csrfToken);
  return client;
}

/** One per page load: the API client reads the CSRF token from it. */
export const queryClient = createQueryClient();
