import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in person; only under RequireAuth, which provides it. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser is only available under <RequireAuth>');
  return me;
}
