/** Where to go after login: a path on this site only (no open redirect), by the server's own rule. */
export { safeReturnTo as safeReturnPath } from '../../../src/contracts/return-to';

/** The login page, remembering the page to come back to. */
export function loginPath(returnTo: string): string {
  return returnTo === '/' ? '/connexion' : `/connexion?retour=${encodeURIComponent(returnTo)}`;
}
