/** A path on this site: one slash, then anything but a second slash or a backslash; one line. */
const LOCAL_PATH = /^\/(?![/\\])[^\r\n]*$/;

/** Where to go after login: a path on this site only, never another host (no open redirect). */
export function safeReturnPath(value: string | null): string {
  return value && LOCAL_PATH.test(value) ? value : '/';
}

/** The login page, remembering the page to come back to. */
export function loginPath(returnTo: string): string {
  return returnTo === '/' ? '/connexion' : `/connexion?retour=${encodeURIComponent(returnTo)}`;
}
