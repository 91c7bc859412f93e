import { useMutation } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import { leaveToLogin } from './leave';

/** Signs out; a session that has already ended (401) counts as signed out. */
export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post('/api/v1/auth/logout'),
    onSuccess: leaveToLogin,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) leaveToLogin();
    },
  });
}
