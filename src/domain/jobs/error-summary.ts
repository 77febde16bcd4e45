// What a failed job's error may show in the browser (issue #17). The stored message is the operator's
// (`closeloop jobs failed` prints it whole); an admin or operator page shows its first line with anything
// that looks like a credential blanked: input a parser quoted, the password of a connection URL, a bearer
// token, `key=value` pairs named like secrets, capability paths, and long token-like strings (API tokens,
// hashes, signatures).

const MAX = 240;
const HIDDEN = '[hidden]';

const rules: [RegExp, string][] = [
  // JSON.parse quotes the text it failed on (`Unexpected token 'h', ..."assword": hunter2"... is not valid
  // JSON`), cut anywhere, even inside a key: the quoted input is data, never shown.
  [/(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON/g, `${HIDDEN} is not valid JSON`],
  // scheme://user:password@host → scheme://user:[hidden]@host
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, `$1:${HIDDEN}@`],
  // Authorization: Bearer abc… / Basic …
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${HIDDEN}`],
  // password=…, secret: …, token=…, api_key=…, client_secret=… (quoted or not)
  [
    /\b([a-z_-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|authorization|cookie|signature)[a-z_-]*)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
    `$1$2${HIDDEN}`,
  ],
  // capability URLs of calendar feeds, share links and invitations: /…/<long token>
  [/(\/(?:feeds?|calendar|share|links?|invite|reset)[^\s?#]*\/)[A-Za-z0-9_-]{16,}/gi, `$1${HIDDEN}`],
  // whsec_…, cl_… and other prefixed tokens, JWTs, long hex or base64 runs
  [/\b[A-Za-z0-9_-]{2,12}_[A-Za-z0-9]{16,}\b/g, HIDDEN],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, HIDDEN],
  [/\b[A-Fa-f0-9]{32,}\b/g, HIDDEN],
  [/[A-Za-z0-9+/_-]{40,}={0,2}/g, HIDDEN],
];

/** The first line of a job's error, credentials hidden, at most 240 characters. */
export function summariseJobError(message: string): string {
  const first =
    message
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  let out = first;
  for (const [re, to] of rules) out = out.replace(re, to);
  return out.length > MAX ? `${out.slice(0, MAX - 1)}…` : out || '(no message)';
}
