import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccessLevel,
  accessLevels,
  anonymous,
  autoApproval,
  decideAccess,
  type Grant,
  type Viewer,
  watermarkLine,
} from './access.ts';

const now = new Date('2026-11-29T10:00:00.000Z');
const later = '2026-12-31T00:00:00.000Z';
const earlier = '2026-11-01T00:00:00.000Z';
const doc = (level: AccessLevel, id = 'd1') => ({ id, level });
const grant = (over: Partial<Grant> = {}): Grant => ({
  subjectKind: 'email',
  subject: 'eve@customer.test',
  documentId: null,
  expiresAt: later,
  revokedAt: null,
  ...over,
});
const verified = (over: Partial<Viewer> = {}): Viewer => ({
  ...anonymous,
  email: 'eve@customer.test',
  emailVerified: true,
  ...over,
});

describe('trust document access decision', () => {
  it('shows public documents to anyone and hides private ones from everyone', () => {
    expect(decideAccess(doc('public'), anonymous, 1, now)).toBe('granted');
    expect(decideAccess(doc('private'), verified({ grants: [grant()], ndaVersion: 1 }), 1, now)).toBe(
      'hidden',
    );
  });

  it('asks for the NDA, then grants nda documents only for the current NDA version', () => {
    expect(decideAccess(doc('nda'), anonymous, 1, now)).toBe('needs_nda');
    expect(decideAccess(doc('nda'), { ...anonymous, email: 'x@y.test', ndaVersion: 1 }, 1, now)).toBe(
      'granted',
    );
    expect(decideAccess(doc('nda'), { ...anonymous, email: 'x@y.test', ndaVersion: 1 }, 2, now)).toBe(
      'needs_nda',
    );
    // accepting the NDA does not open `request` documents
    expect(decideAccess(doc('request'), { ...anonymous, ndaVersion: 1 }, 1, now)).toBe('needs_request');
  });

  it('grants request documents to a verified person, a whole company or through a live link', () => {
    expect(decideAccess(doc('request'), verified({ grants: [grant()] }), 1, now)).toBe('granted');
    const company = grant({ subjectKind: 'domain', subject: 'Customer.test' });
    expect(decideAccess(doc('request'), verified({ grants: [company] }), 1, now)).toBe('granted');
    // an email typed into a form is not proof of identity
    expect(decideAccess(doc('request'), verified({ emailVerified: false, grants: [grant()] }), 1, now)).toBe(
      'needs_request',
    );
    // a grant for another document does not cover this one
    expect(decideAccess(doc('request'), verified({ grants: [grant({ documentId: 'd2' })] }), 1, now)).toBe(
      'needs_request',
    );
    const link = { documentId: 'd1', expiresAt: null, revokedAt: null };
    expect(decideAccess(doc('request'), { ...anonymous, link }, null, now)).toBe('granted');
    expect(decideAccess(doc('request', 'd2'), { ...anonymous, link }, null, now)).toBe('needs_request');
  });

  it('refuses after expiry or revocation', () => {
    expect(decideAccess(doc('request'), verified({ grants: [grant({ expiresAt: earlier })] }), 1, now)).toBe(
      'needs_request',
    );
    expect(
      decideAccess(doc('request'), verified({ grants: [grant({ expiresAt: now.toISOString() })] }), 1, now),
    ).toBe('needs_request');
    const revoked = { documentId: null, expiresAt: null, revokedAt: earlier };
    expect(decideAccess(doc('nda'), { ...anonymous, link: revoked }, 1, now)).toBe('needs_nda');
  });

  const arbGrant = fc.record({
    subjectKind: fc.constantFrom('email' as const, 'domain' as const),
    subject: fc.constantFrom('eve@customer.test', 'customer.test', 'other.test'),
    documentId: fc.constantFrom(null, 'd1', 'd2'),
    expiresAt: fc.option(
      fc
        .date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    ),
    revokedAt: fc.option(fc.constant(earlier)),
  });
  const arbViewer = fc.record({
    email: fc.constantFrom(null, 'eve@customer.test', 'mallory@other.test'),
    emailVerified: fc.boolean(),
    ndaVersion: fc.constantFrom(null, 1, 2),
    grants: fc.array(arbGrant, { maxLength: 4 }),
    link: fc.option(
      fc.record({
        documentId: fc.constantFrom(null, 'd1', 'd2'),
        expiresAt: fc.option(fc.constantFrom(earlier, later)),
        revokedAt: fc.option(fc.constant(earlier)),
      }),
    ),
  });

  it('never grants a private document, whatever the visitor holds', () => {
    fc.assert(
      fc.property(arbViewer, fc.constantFrom(null, 1, 2), (viewer, nda) => {
        expect(decideAccess(doc('private'), viewer, nda, now)).toBe('hidden');
      }),
    );
  });

  it('never grants nda or request documents on expired or revoked grants and links alone', () => {
    fc.assert(
      fc.property(arbViewer, fc.constantFrom<AccessLevel>('nda', 'request'), (viewer, level) => {
        const dead = {
          ...viewer,
          ndaVersion: null,
          grants: viewer.grants.map((g) => ({ ...g, expiresAt: earlier })),
          link: viewer.link ? { ...viewer.link, revokedAt: earlier } : null,
        };
        expect(decideAccess(doc(level), dead, 1, now)).not.toBe('granted');
      }),
    );
  });

  it('decides every level to one of the four answers, granting public always', () => {
    fc.assert(
      fc.property(arbViewer, fc.constantFrom(...accessLevels), (viewer, level) => {
        const d = decideAccess(doc(level), viewer, 1, now);
        expect(['granted', 'needs_nda', 'needs_request', 'hidden']).toContain(d);
        if (level === 'public') expect(d).toBe('granted');
      }),
    );
  });
});

describe('automatic approval of requests', () => {
  const rules = { domains: ['partner.test'], customers: [{ name: 'Customer Ltd', domain: 'customer.test' }] };
  it('approves chosen domains and listed customers, by exact domain only', () => {
    expect(autoApproval('a@partner.test', rules)).toEqual({ reason: 'domain', domain: 'partner.test' });
    expect(autoApproval('b@CUSTOMER.test', rules)).toEqual({ reason: 'customer', customer: 'Customer Ltd' });
    expect(autoApproval('c@evil-partner.test', rules)).toBeNull();
    expect(autoApproval('d@partner.test.evil', rules)).toBeNull();
    expect(autoApproval('no-at-sign', rules)).toBeNull();
  });
});

describe('watermark line', () => {
  it('names the viewer, the time to the second and the organisation', () => {
    expect(watermarkLine('eve@customer.test', new Date('2026-11-29T10:00:00.123Z'), 'Demo Ltd')).toBe(
      'eve@customer.test · 2026-11-29T10:00:00Z · Demo Ltd — confidential',
    );
  });
});
