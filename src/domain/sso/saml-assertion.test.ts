import { describe, expect, it } from 'vitest';
import { samlAssertionFacts, samlRefusal } from './saml-assertion.ts';

const response = (conditions: string, email = 'jane@acme.test') =>
  Buffer.from(
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">' +
      '<saml:Assertion ID="_a1"><saml:Subject><saml:NameID>nameid@acme.test</saml:NameID>' +
      '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
      '<saml:SubjectConfirmationData NotOnOrAfter="2026-01-01T10:05:00Z"/></saml:SubjectConfirmation></saml:Subject>' +
      `<saml:Conditions ${conditions}/>` +
      `<saml:AttributeStatement><saml:Attribute Name="email"><saml:AttributeValue>${email}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>` +
      '</saml:Assertion></samlp:Response>',
  ).toString('base64');

const window = 'NotBefore="2026-01-01T10:00:00Z" NotOnOrAfter="2026-01-01T10:05:00Z"';
const rule = (iso: string, clockSkewSeconds = 60) => ({
  now: new Date(iso),
  clockSkewSeconds,
  domain: 'acme.test',
});

describe('SAML assertion rules of an organisation', () => {
  it('reads the one assertion: id, times, the email attribute before the NameID', () => {
    expect(samlAssertionFacts(response(window))).toEqual({
      assertionId: '_a1',
      notBefore: '2026-01-01T10:00:00Z',
      notOnOrAfter: '2026-01-01T10:05:00Z',
      subjectNotOnOrAfter: '2026-01-01T10:05:00Z',
      email: 'jane@acme.test',
    });
    expect(samlAssertionFacts(Buffer.from('not xml <').toString('base64'))).toBeNull();
  });

  it('invalid on and after NotOnOrAfter plus the skew; valid from NotBefore minus the skew', () => {
    const facts = samlAssertionFacts(response(window))!;
    expect(samlRefusal(facts, rule('2026-01-01T10:05:59.999Z'))).toBeNull();
    expect(samlRefusal(facts, rule('2026-01-01T10:06:00Z'))).toMatch(/expired/);
    expect(samlRefusal(facts, rule('2026-01-01T10:05:00Z', 0))).toMatch(/expired/);
    expect(samlRefusal(facts, rule('2026-01-01T09:59:00Z'))).toBeNull();
    expect(samlRefusal(facts, rule('2026-01-01T09:58:59Z'))).toMatch(/not yet valid/);
  });

  it('refuses an email outside the organisation’s domain, and an unreadable time', () => {
    const other = samlAssertionFacts(response(window, 'eve@acme.test.evil.example'))!;
    expect(samlRefusal(other, rule('2026-01-01T10:01:00Z'))).toMatch(/domain/);
    const garbled = samlAssertionFacts(response('NotOnOrAfter="tomorrow"'))!;
    expect(samlRefusal(garbled, rule('2026-01-01T10:01:00Z'))).toMatch(/expired/);
  });
});
