import { XMLParser } from 'fast-xml-parser';

// closeloop's own checks on a SAML 2.0 Response before better-auth's SSO plugin verifies it (issue #20).
// The plugin verifies the signature, audience, recipient, InResponseTo and replay; it knows one clock
// skew for the whole server and does not tie the asserted email to the organisation's domain. These two
// rules are the organisation's and are checked here. The XML is not yet verified at this point, so a
// check here may only refuse, never accept: whatever passes still goes through the plugin's checks.

export interface SamlAssertionFacts {
  assertionId: string | null;
  notBefore: string | null;
  notOnOrAfter: string | null;
  /** NotOnOrAfter of the bearer SubjectConfirmationData (SAML 2.0 Profiles §4.1.4.2). */
  subjectNotOnOrAfter: string | null;
  /** The email the plugin will take: the `email` attribute's first value, else the NameID. */
  email: string | null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
});

type Node = Record<string, unknown>;
const one = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const first = (v: unknown): Node | undefined => {
  const o = one(v);
  return o && typeof o === 'object' ? (o as Node) : undefined;
};
const all = (v: unknown): Node[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is Node => !!x && typeof x === 'object');
const text = (v: unknown): string | null => {
  const o = one(v);
  if (typeof o === 'string' || typeof o === 'number') return String(o).trim();
  if (o && typeof o === 'object' && '#text' in o) return String((o as Node)['#text']).trim();
  return null;
};
const attr = (n: Node | undefined, name: string) =>
  typeof n?.[`@_${name}`] === 'string' ? (n[`@_${name}`] as string) : null;

/** The facts of the one plaintext assertion of a base64 SAMLResponse, or null when it has none. */
export function samlAssertionFacts(samlResponse: string): SamlAssertionFacts | null {
  let parsed: Node;
  try {
    const xml = Buffer.from(samlResponse.replace(/\s+/g, ''), 'base64').toString('utf8');
    parsed = parser.parse(xml) as Node;
  } catch {
    return null;
  }
  const assertion = first(first(parsed.Response)?.Assertion);
  if (!assertion) return null;
  const conditions = first(assertion.Conditions);
  const subject = first(assertion.Subject);
  const bearer = all(subject?.SubjectConfirmation).find(
    (c) => attr(c, 'Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
  );
  const emailAttribute = all(first(assertion.AttributeStatement)?.Attribute).find(
    (a) => attr(a, 'Name') === 'email',
  );
  return {
    assertionId: attr(assertion, 'ID'),
    notBefore: attr(conditions, 'NotBefore'),
    notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
    subjectNotOnOrAfter: attr(first(bearer?.SubjectConfirmationData), 'NotOnOrAfter'),
    email: (text(emailAttribute?.AttributeValue) ?? text(subject?.NameID))?.toLowerCase() ?? null,
  };
}

/**
 * Why this organisation refuses the assertion, or null. Times are compared with the organisation's
 * clock skew (SAML 2.0 Core §2.5.1.2: valid from NotBefore, invalid on and after NotOnOrAfter); the
 * email must be in the organisation's domain, which no other organisation can claim.
 */
export function samlRefusal(
  facts: SamlAssertionFacts,
  rule: { now: Date; clockSkewSeconds: number; domain: string },
): string | null {
  const now = rule.now.getTime();
  const skew = rule.clockSkewSeconds * 1000;
  const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  const notBefore = at(facts.notBefore);
  if (notBefore !== null && (Number.isNaN(notBefore) || now < notBefore - skew))
    return 'the assertion is not yet valid';
  for (const end of [at(facts.notOnOrAfter), at(facts.subjectNotOnOrAfter)])
    if (end !== null && (Number.isNaN(end) || now >= end + skew)) return 'the assertion has expired';
  const domain = facts.email?.split('@')[1];
  if (domain !== rule.domain) return 'the email is not in the domain this organisation signs in';
  return null;
}
