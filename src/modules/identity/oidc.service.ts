import * as oidc from 'openid-client';
import type { Config } from '../../app/config.js';
import { safeReturnTo } from '../../contracts/return-to.js';
import type { Db } from '../../platform/db/connect.js';
import type { SessionsService } from './sessions.service.js';
import { findUserByEmail } from './users.repo.js';

const STATE_TTL_MS = 10 * 60 * 1000;

/** A failure the person should read on the login page, in French. */
export class OidcLoginError extends Error {}

/**
 * Single sign-on with OpenID Connect: authorization code flow with PKCE, state and nonce.
 * The pending login (state, verifier, nonce) lives in the database so that the callback may
 * reach another replica. The provider's email is mapped to an existing Qualif account:
 * SSO never creates accounts, so roles and scopes stay decided in Qualif.
 */
export function oidcServiceFactory({
  db,
  sessions,
  settings,
  publicUrl,
}: {
  db: Db;
  sessions: SessionsService;
  settings: Extract<Config['oidc'], { enabled: true }>;
  publicUrl: string;
}) {
  const redirectUri = `${publicUrl}/api/v1/auth/oidc/callback`;
  let discovered: Promise<oidc.Configuration> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next login
        throw error;
      });
    return discovered;
  }

  async function start(returnTo: unknown): Promise<URL> {
    const config = await configuration();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await db.deleteFrom('oidc_login_states').where('expires_at', '<', new Date()).execute();
    await db
      .insertInto('oidc_login_states')
      .values({
        state,
        nonce,
        code_verifier: codeVerifier,
        return_to: safeReturnTo(returnTo),
        expires_at: new Date(Date.now() + STATE_TTL_MS),
      })
      .execute();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  async function callback(query: Record<string, string>, userAgent: string | undefined, requestId: string) {
    const state = query.state;
    if (!state) throw new OidcLoginError('Réponse du fournisseur d’identité incomplète (state manquant).');
    const pending = await db
      .deleteFrom('oidc_login_states')
      .where('state', '=', state)
      .returningAll()
      .executeTakeFirst();
    if (!pending || new Date(pending.expires_at) < new Date()) {
      throw new OidcLoginError('La connexion a expiré ou a déjà été utilisée. Recommencez.');
    }
    if (query.error) {
      throw new OidcLoginError(`Le fournisseur d’identité a refusé la connexion (${query.error}).`);
    }
    const config = await configuration();
    const callbackUrl = new URL(redirectUri);
    for (const [k, v] of Object.entries(query)) callbackUrl.searchParams.set(k, v);
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      claims = idToken;
      // With the code flow, a conforming provider serves the `email` scope's claims from the
      // userinfo endpoint only (OpenID Connect Core §5.4); many also copy them into the ID token.
      if (idToken && idToken.email === undefined && tokens.access_token) {
        claims = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
      }
    } catch {
      throw new OidcLoginError('La réponse du fournisseur d’identité n’a pas pu être vérifiée.');
    }
    const email = typeof claims?.email === 'string' ? claims.email.toLowerCase() : undefined;
    if (!email || claims?.email_verified === false) {
      throw new OidcLoginError('Le fournisseur d’identité n’a pas transmis d’adresse e-mail vérifiée.');
    }
    const user = await findUserByEmail(db, email);
    if (!user?.is_active) {
      throw new OidcLoginError('Aucun compte Qualif actif ne correspond à votre adresse e-mail.');
    }
    // Checked again: a row stored under an older, looser rule must not become a bad redirect.
    const returnTo = safeReturnTo(pending.return_to);
    // Last, once nothing else can fail: a refused callback leaves no session behind.
    const session = await sessions.open(user, 'oidc', userAgent, requestId);
    return { ...session, returnTo };
  }

  return { start, callback };
}

export type OidcService = ReturnType<typeof oidcServiceFactory>;
