import { Checkbox, PasswordInput, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, RequestBody, User } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { useDraftForm } from '../ui/useDraftForm';
import { draftsOf, type GrantDraft, GrantsEditor, grantsOf } from './GrantsEditor';

const USERS = '/api/v1/users';
const isGrantField = (field: string) => field.startsWith('grants');

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [USERS] });
}

type NewUser = {
  email: string;
  displayName: string;
  invite: boolean;
  password: string;
  grants: GrantDraft[];
};
const NEW_USER: NewUser = {
  email: '',
  displayName: '',
  invite: true,
  password: '',
  grants: [{ role: null }],
};

/** The request body: invited by email, or given a password (none: single sign-on only). */
function newUserBody(d: NewUser): RequestBody<'/api/v1/users', 'post'> {
  return {
    email: d.email.trim(),
    displayName: d.displayName,
    grants: grantsOf(d.grants),
    ...(d.invite ? { invite: true } : d.password ? { password: d.password } : {}),
  };
}

/** « Nouveau compte »: name, address, roles; invited by email or given a password. */
export function NewUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const refresh = useRefreshUsers();
  const form = useDraftForm(NEW_USER, {
    send: (draft) => api.post<Answer<'/api/v1/users', 'post', 201>>(USERS, newUserBody(draft)),
    onSaved: async () => {
      await refresh();
      onClose();
    },
    resetOnSave: true,
  });
  const { draft, set, text } = form;
  return (
    <Dialog opened={opened} onClose={onClose} title="Nouveau compte">
      <DialogForm
        onSubmit={form.submit}
        onCancel={onClose}
        error={form.error}
        shownFields={(f) => ['email', 'displayName', 'password'].includes(f) || isGrantField(f)}
        pending={form.mutation.isPending}
        dirty={form.dirty}
        submitLabel="Créer le compte"
      >
        <TextInput label="Nom affiché" required {...text('displayName')} />
        <TextInput label="Adresse e-mail" type="email" required {...text('email')} />
        <Checkbox
          label="Envoyer une invitation par e-mail (la personne choisit son mot de passe)"
          checked={draft.invite}
          onChange={(e) => set('invite', e.currentTarget.checked)}
        />
        {!draft.invite && (
          <PasswordInput
            label="Mot de passe initial"
            description="Laissez vide pour un compte qui se connecte par l’authentification unique."
            {...text('password')}
          />
        )}
        <GrantsEditor value={draft.grants} onChange={(grants) => set('grants', grants)} error={form.error} />
      </DialogForm>
    </Dialog>
  );
}

/** « Rôles »: the account's roles and scopes, replaced as a whole. */
export function GrantsDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const refresh = useRefreshUsers();
  const form = useDraftForm(
    { grants: draftsOf(user.roles) },
    {
      send: ({ grants }) => api.put<User>(`${USERS}/${user.id}/grants`, { grants: grantsOf(grants) }),
      onSaved: async () => {
        await refresh();
        onClose();
      },
    },
  );
  return (
    <Dialog opened onClose={onClose} title={`Rôles de ${user.displayName}`}>
      <DialogForm
        onSubmit={form.submit}
        onCancel={onClose}
        error={form.error}
        shownFields={isGrantField}
        pending={form.mutation.isPending}
        dirty={form.dirty}
        submitLabel="Enregistrer les rôles"
      >
        <GrantsEditor
          value={form.draft.grants}
          onChange={(grants) => form.set('grants', grants)}
          error={form.error}
        />
      </DialogForm>
    </Dialog>
  );
}

export const usersApi = {
  setActive: (id: string, isActive: boolean) => api.put<User>(`${USERS}/${id}/active`, { isActive }),
  invite: (id: string) => api.post(`${USERS}/${id}/invitation`),
};
export { useRefreshUsers };
