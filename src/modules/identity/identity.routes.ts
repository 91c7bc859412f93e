import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { SESSION_COOKIE } from '../../platform/http/access.js';
import { redirectResponse } from '../../platform/http/openapi.js';
import { grantSchema, type Http, problemResponses, uuidParam } from '../../platform/http/schemas.js';
import type { LoginService } from './login.service.js';
import { OidcLoginError, type OidcService } from './oidc.service.js';
import type { PasswordResetService } from './password-reset.service.js';
import type { SessionsService } from './sessions.service.js';

const meSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
    roles: z.array(grantSchema),
    csrfToken: z.string(),
    session: z.object({ id: z.uuid(), expiresAt: z.string() }),
  })
  .meta({ id: 'Me' });

const sessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  method: z.enum(['password', 'oidc']),
  current: z.boolean(),
});

function meOf(actor: Actor): z.infer<typeof meSchema> {
  return {
    user: { id: actor.userId, email: actor.email, displayName: actor.displayName },
    roles: [...actor.grants],
    csrfToken: actor.csrfToken,
    session: { id: actor.sessionId, expiresAt: actor.sessionExpiresAt.toISOString() },
  };
}

export type IdentityRouteDeps = {
  login: LoginService;
  sessions: SessionsService;
  passwordReset: PasswordResetService;
  oidc: OidcService | undefined;
  oidcLabel: string;
  secureCookies: boolean;
};

export function registerIdentityRoutes(app: Http, deps: IdentityRouteDeps) {
  const { login, sessions, passwordReset, oidc, secureCookies } = deps;

  function setSessionCookie(reply: FastifyReply, token: string, expires: Date) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      expires,
    });
  }

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identité'],
        summary: 'Connexion par mot de passe (ouvre une session, cookie httpOnly)',
        body: z.object({ email: z.email().max(320), password: z.string().min(1).max(256) }),
        response: { 200: meSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await login.passwordLogin({
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      setSessionCookie(reply, session.token, session.expiresAt);
      const actor = await sessions.resolve(session.token);
      if (!actor) throw new Error('a session just opened could not be read back');
      return meOf(actor);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['identité'],
        summary: 'Déconnexion (révoque la session courante)',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = request.actor as Actor;
      await sessions.revoke(actor, actor.sessionId, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['identité'],
        summary: 'La personne connectée, ses rôles et périmètres',
        response: { 200: meSchema },
      },
    },
    async (request) => meOf(request.actor as Actor),
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['identité'],
        summary: 'Mes sessions ouvertes',
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
    },
    async (request) => ({ items: await sessions.listOwn(request.actor as Actor) }),
  );

  app.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['identité'],
        summary: 'Révoquer une session (la sienne ; un·e admin : toute session ; celle d’un·e autre : 404)',
        params: uuidParam,
        response: { 204: z.null(), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const actor = request.actor as Actor;
      await sessions.revoke(actor, request.params.id, request.id);
      if (request.params.id === actor.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identité'],
        summary: 'Demander un lien de réinitialisation (réponse identique que le compte existe ou non)',
        body: z.object({ email: z.email().max(320) }),
        response: { 202: z.null(), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      await passwordReset.request(request.body.email);
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identité'],
        summary: 'Choisir un nouveau mot de passe avec le lien reçu',
        body: z.object({ token: z.string().min(1).max(200), password: z.string().max(256) }),
        response: { 204: z.null(), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      await passwordReset.confirm(request.body.token, request.body.password, request.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/providers',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identité'],
        summary: 'Moyens de connexion proposés',
        response: {
          200: z.object({
            password: z.literal(true),
            oidc: z.object({ enabled: z.boolean(), label: z.string() }),
          }),
        },
      },
    },
    async () => ({ password: true as const, oidc: { enabled: oidc !== undefined, label: deps.oidcLabel } }),
  );

  app.get(
    '/api/v1/auth/oidc/login',
    {
      config: { access: 'public', neutralisesQuery: ['returnTo'] },
      schema: {
        tags: ['identité'],
        summary: 'Démarrer la connexion unique OpenID Connect (redirection vers le fournisseur)',
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
        response: {
          302: redirectResponse(
            'vers le fournisseur d’identité ; vers /connexion?erreur=… s’il n’est pas configuré ou injoignable',
          ),
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      if (!oidc)
        return reply.redirect(
          `/connexion?erreur=${encodeURIComponent('La connexion unique n’est pas configurée.')}`,
        );
      try {
        return reply.redirect((await oidc.start(request.query.returnTo)).href);
      } catch (error) {
        request.log.warn({ err: error }, 'oidc discovery failed');
        return reply.redirect(
          `/connexion?erreur=${encodeURIComponent('Le fournisseur d’identité est injoignable. Réessayez plus tard.')}`,
        );
      }
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identité'],
        summary: 'Retour du fournisseur OpenID Connect',
        // The provider's parameters (RFC 6749 §4.1.2, RFC 9207 `iss`); others are passed on as they come.
        querystring: z
          .object({
            code: z.string().optional(),
            state: z.string().optional(),
            iss: z.string().optional(),
            error: z.string().optional(),
            error_description: z.string().optional(),
          })
          .catchall(z.string()),
        response: {
          302: redirectResponse(
            'vers la page demandée, session ouverte (cookie) ; vers /connexion?erreur=… en cas d’échec',
          ),
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      if (!oidc) return reply.redirect('/connexion');
      try {
        const session = await oidc.callback(request.query, request.headers['user-agent'], request.id);
        setSessionCookie(reply, session.token, session.expiresAt);
        return reply.redirect(session.returnTo);
      } catch (error) {
        // The browser is mid-redirect: it lands on the login page with a message, never on a 500.
        if (!(error instanceof OidcLoginError)) request.log.error({ err: error }, 'oidc callback failed');
        const message =
          error instanceof OidcLoginError
            ? error.message
            : 'La connexion unique a échoué. Réessayez ; si cela persiste, prévenez l’administrateur.';
        return reply.redirect(`/connexion?erreur=${encodeURIComponent(message)}`);
      }
    },
  );
}
