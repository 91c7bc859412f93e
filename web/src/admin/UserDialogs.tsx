import { Button, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Answer, RequestBody, User } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { fieldError } from '../ui/fieldError';
import { ProblemAlert } from '../ui/ProblemAlert';
import { draftsOf, type GrantDraft, GrantsEditor, grantsOf } from './GrantsEditor';

const USERS = '/api/v1/users';
const isGrantField = (field: string) => field.startsWith('grants');

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [USERS] });
}

/** « Nouveau compte »: name, address, roles; invited by email or given a password. */
export function NewUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const refresh = useRefreshUsers();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [invite, setInvite] = useState(true);
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantDraft[]>([{ role: null }]);
  const create = useMutation({
    mutationFn: (body: RequestBody<'/api/v1/users', 'post'>) =>
      api.post<Answer<'/api/v1/users', 'post', 201>>(USERS, body),
    onSuccess: async () => {
      await refresh();
      setEmail('');
      setDisplayName('');
      setPassword('');
      setGrants([{ role: null }]);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      email: email.trim(),
      displayName,
      grants: grantsOf(grants),
      ...(invite ? { invite: true } : password ? { password } : {}),
    });
  };
  return (
    <Dialog opened={opened} onClose={onClose} title="Nouveau compte">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Nom affiché"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fieldError(create.error, 'displayName')}
          />
          <TextInput
            label="Adresse e-mail"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(create.error, 'email')}
          />
          <Checkbox
            label="Envoyer une invitation par e-mail (la personne choisit son mot de passe)"
            checked={invite}
            onChange={(e) => setInvite(e.currentTarget.checked)}
          />
          {!invite && (
            <PasswordInput
              label="Mot de passe initial"
              description="Laissez vide pour un compte qui se connecte par l’authentification unique."
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError(create.error, 'password')}
            />
          )}
          <GrantsEditor value={grants} onChange={setGrants} error={create.error} />
          {create.error && (
            <ProblemAlert
              error={create.error}
              shownFields={(f) => ['email', 'displayName', 'password'].includes(f) || isGrantField(f)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={create.isPending}>
              Créer le compte
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** « Rôles »: the account's roles and scopes, replaced as a whole. */
export function GrantsDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const refresh = useRefreshUsers();
  const [grants, setGrants] = useState<GrantDraft[]>(() => draftsOf(user.roles));
  const save = useMutation({
    mutationFn: () => api.put<User>(`${USERS}/${user.id}/grants`, { grants: grantsOf(grants) }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Dialog opened onClose={onClose} title={`Rôles de ${user.displayName}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <GrantsEditor value={grants} onChange={setGrants} error={save.error} />
          {save.error && <ProblemAlert error={save.error} shownFields={isGrantField} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending}>
              Enregistrer les rôles
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export const usersApi = {
  setActive: (id: string, isActive: boolean) => api.put<User>(`${USERS}/${id}/active`, { isActive }),
  invite: (id: string) => api.post(`${USERS}/${id}/invitation`),
};
export { useRefreshUsers };
