import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Session } from '../api/types';
import { leaveToLogin } from '../auth/leave';
import { formatDateTime } from '../format/dateTime';
import { ConfirmButton } from '../ui/ConfirmButton';
import { sessionsKey } from './useSessions';

/** « Révoquer », after confirmation. Revoking the current session signs out. */
export function RevokeSessionButton({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const openedAt = formatDateTime(session.createdAt);

  return (
    <ConfirmButton
      buttonProps={{ variant: 'outline', size: 'xs' }}
      ariaLabel={`Révoquer la session ouverte le ${openedAt}`}
      title="Révoquer cette session ?"
      message={
        session.current
          ? "C'est la session que vous utilisez en ce moment : vous serez déconnecté·e."
          : `La session ouverte le ${openedAt} sera fermée : l'appareil qui l'utilise devra se reconnecter.`
      }
      confirmLabel="Confirmer la révocation"
      action={() => api.delete(`/api/v1/auth/sessions/${encodeURIComponent(session.id)}`)}
      onDone={() => {
        if (session.current) leaveToLogin();
        else void queryClient.invalidateQueries({ queryKey: sessionsKey });
      }}
    >
      Révoquer
    </ConfirmButton>
  );
}
