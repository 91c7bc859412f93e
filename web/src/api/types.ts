/** The API's resources, as the web app reads them (see /openapi.json). */

export type Role =
  | 'admin'
  | 'branch_manager'
  | 'training_org'
  | 'evaluator'
  | 'jury_member'
  | 'employer'
  | 'advisor'
  | 'candidate';

export type Grant = {
  role: Role;
  scope: { type: 'global' | 'branch' | 'organisation' | 'self'; id?: string; label?: string };
};

export type Me = {
  user: { id: string; email: string; displayName: string };
  roles: Grant[];
  csrfToken: string;
  session: { id: string; expiresAt: string };
};

export type Providers = { password: true; oidc: { enabled: boolean; label: string } };

export type Session = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  method: 'password' | 'oidc';
  current: boolean;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type User = { id: string; email: string; displayName: string; isActive: boolean; roles: Grant[] };

export type AuditEvent = {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
};

export type AuditVerification = { ok: boolean; checked: number; firstBadId?: string; reason?: string };

export type OutboxMessage = { id: string; to: string; subject: string; text: string; createdAt: string };
