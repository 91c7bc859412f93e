/**
 * The API's resources, as the web app reads them: aliases of the types generated from
 * /openapi.json (./schema.d.ts, `npm run api:types`), never declared by hand.
 */
import type { components, paths } from './schema';

/** The named shapes of /openapi.json (components.schemas). */
export type Schemas = components['schemas'];

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON answer of an operation: `Answer<'/api/v1/me'>`, `Answer<'/api/v1/eligibility', 'post'>`. */
export type Answer<P extends keyof paths, M extends Method = 'get', S extends number = 200> =
  Operation<P, M> extends { responses: infer R }
    ? S extends keyof R
      ? R[S] extends { content: { 'application/json': infer T } }
        ? T
        : never
      : never
    : never;

/** The JSON body an operation takes. */
export type RequestBody<P extends keyof paths, M extends Method> =
  NonNullable<Operation<P, M>['requestBody']> extends { content: { 'application/json': infer T } }
    ? T
    : never;

export type Grant = Schemas['Grant'];
export type Role = Grant['role'];
export type Me = Schemas['Me'];
export type Providers = Answer<'/api/v1/auth/providers'>;
export type Session = Answer<'/api/v1/auth/sessions'>['items'][number];

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type User = Schemas['User'];
export type AuditEvent = Answer<'/api/v1/audit'>['items'][number];
export type AuditVerification = Answer<'/api/v1/audit/verify'>;
export type OutboxMessage = Answer<'/api/v1/dev/outbox'>['items'][number];
