/**
 * Where to go after signing in: a path on this site, never another origin (no open redirect).
 * Pure code shared by the server (OIDC login, callback) and the web app (login page).
 *
 * Kept: an absolute path (`/…`) whose raw and percent-decoded forms hold no control character
 * (C0, DEL, C1 — `\t` and `\v` included: browsers drop tabs and newlines, so `/\t/evil.example`
 * would become `//evil.example`), no backslash (browsers read it as `/`), and do not start with
 * `//` (another host). Anything else, malformed percent-encoding and values over
 * RETURN_TO_MAX_LENGTH included, becomes `/`. The path kept is the URL parser's serialisation
 * (`/a/../b` → `/b`, non-ASCII percent-encoded), so it is also a valid `Location` header.
 */
export const RETURN_TO_MAX_LENGTH = 500;

/** A control character (C0, DEL, C1) or a backslash. */
const UNSAFE_CHARACTER = /[\p{Cc}\\]/u;
/** Percent-decoding rounds tried before a value is refused as too deeply encoded. */
const DECODE_ROUNDS = 3;
const BASE = 'https://return-to.invalid';

export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > RETURN_TO_MAX_LENGTH || !isLocalPath(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  // Dot segments resolved by the parser may leave `//host` (e.g. `/a/..//evil.example`): checked again.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.length <= RETURN_TO_MAX_LENGTH && isLocalPath(path) ? path : '/';
}

/** `/…`, and so is each percent-decoded form of it, without control characters or backslashes. */
function isLocalPath(value: string): boolean {
  let current = value;
  for (let round = 0; round <= DECODE_ROUNDS; round++) {
    if (!current.startsWith('/') || current.startsWith('//') || UNSAFE_CHARACTER.test(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  return false;
}
