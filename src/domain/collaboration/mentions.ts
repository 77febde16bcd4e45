// @mentions in a comment: `@ana@example.com` (a full email) or `@ana` (the local part of a member's
// email, or their first name when that is unique). Unknown handles are left as text; nobody is notified
// by a guess that matches two people.

export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

const HANDLE = /(^|[^\w@.])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/** The handles a comment mentions, lower-cased, without trailing dots: what a lookup needs to fetch. */
export function handlesIn(body: string): string[] {
  return [...new Set([...body.matchAll(HANDLE)].map((m) => m[2]!.replace(/[.]+$/, '').toLowerCase()))];
}

export function findMentions(body: string, people: Mentionable[]): Mentionable[] {
  const found = new Map<string, Mentionable>();
  for (const handle of handlesIn(body)) {
    const candidates = handle.includes('@')
      ? people.filter((p) => p.email.toLowerCase() === handle)
      : people.filter((p) => p.email.toLowerCase().split('@')[0] === handle);
    const byFirstName = people.filter((p) => p.name.split(/\s+/)[0]!.toLowerCase() === handle);
    const pick = candidates.length === 1 ? candidates : byFirstName.length === 1 ? byFirstName : [];
    for (const p of pick) found.set(p.id, p);
  }
  return [...found.values()];
}
