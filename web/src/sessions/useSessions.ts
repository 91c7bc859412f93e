import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Session } from '../api/types';

export const sessionsKey = ['sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => api.get<{ items: Session[] }>('/api/v1/auth/sessions'),
  });
}
