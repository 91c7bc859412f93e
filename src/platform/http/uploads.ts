/**
 * The name a raw upload was sent with (header `x-file-name`, percent-encoded or not), kept as a
 * label only — never a path: its last segment, without control characters, at most 200
 * characters; `fallback` when nothing is left.
 */
export function uploadedFileName(header: string | string[] | undefined, fallback: string): string {
  let name = typeof header === 'string' ? header : '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // not percent-encoded: keep it as sent
  }
  name = (name.split(/[/\\]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return name || fallback;
}
