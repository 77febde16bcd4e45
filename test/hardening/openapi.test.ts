import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/contracts/errors.ts';
import { media } from '../../src/http/openapi.ts';
import { Client, hasKind, kinds, PASSWORD, startTestApp, type TestApp } from '../support/harness.ts';
import { ResponseChecker } from '../support/response-check.ts';

// The API description clients rely on (issue #18): the document passes `redocly lint` under its
// recommended rules (redocly.yaml), offline, with no error and no warning, and keeps the conventions a
// client generator needs. The routes are the same on both engines; the document is linted on each.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const redocly = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');

type Operation = {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
};
const PUBLIC_URL = 'https://closeloop.test';

/** A browser on the deployment's address (the harness's clients come from http://localhost:3999). */
class DeployedClient extends Client {
  override request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, url, body, { origin: PUBLIC_URL, ...headers });
  }
}

type Doc = {
  info: { license?: { identifier?: string } };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: { code: { enum: string[] } } }> };
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`the OpenAPI document on ${kind} (issue #18)`, () => {
    let t: TestApp;
    let admin: Client;
    let doc: Doc;
    beforeAll(async () => {
      // A public address that is neither localhost nor example.com, as a deployment has.
      t = await startTestApp(kind, { PUBLIC_URL });
      doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      admin = new DeployedClient(t.app);
      const email = 'admin@acme.test';
      const setup = {
        name: 'Ada',
        email,
        password: PASSWORD,
        organisationName: 'Acme',
        organisationSlug: 'acme',
      };
      expect((await admin.post('/api/v1/setup', setup)).statusCode).toBe(201);
      await admin.signIn(email, PASSWORD);
    });
    afterAll(async () => t?.close());

    it('passes redocly lint (recommended rules) with no error and no warning, offline', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-openapi-'));
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      const out = await run(
        process.execPath,
        [redocly, 'lint', file, '--config', path.join(root, 'redocly.yaml'), '--format=json'],
        {
          cwd: dir,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          timeout: 60_000,
          maxBuffer: 64 * 1024 * 1024,
        },
      ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
      const report = JSON.parse(out.stdout) as {
        problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
      };
      const problems = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    }, 90_000);

    it('names the licence and the server, marks public operations, shares the problem schema', () => {
      expect(doc.info.license?.identifier).toBe('AGPL-3.0-only');
      expect(doc.servers?.[0]?.url).toBe(PUBLIC_URL);
      expect(doc.components.schemas.Problem?.properties.code.enum).toEqual([...errorCodes]);
      const publicRoutes = t.app.routeCatalogue.filter((r) => r.policy === 'public');
      const ops = Object.entries(doc.paths).flatMap(([p, item]) =>
        Object.entries(item).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })),
      );
      const isPublic = new Set(publicRoutes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`));
      expect(ops.filter((o) => isPublic.has(o.key)).length).toBeGreaterThan(5);
      for (const { key, op } of ops) {
        expect(op.security, key).toEqual(isPublic.has(key) ? [] : undefined);
        expect(op.responses['400']?.$ref, key).toBe('#/components/responses/BadRequest');
        if (!isPublic.has(key))
          expect(op.responses['401']?.$ref, key).toBe('#/components/responses/Unauthenticated');
      }
      const ids = ops.map((o) => o.op.operationId);
      expect(new Set(ids).size).toBe(ops.length);
      expect(doc.paths['/api/v1/orgs/{org}/soa/compare']?.get?.operationId).toBe('getSoaCompare');
    });

    it('declares the downloads with their media types', () => {
      const types = (p: string) => Object.keys(doc.paths[p]?.get?.responses['200']?.content ?? {});
      expect(types('/api/v1/orgs/{org}/reports/{kind}')).toEqual(
        expect.arrayContaining([media.pdf, media.xlsx, media.zip, media.json]),
      );
      expect(types('/api/v1/orgs/{org}/soa/versions/{version}/export')).toEqual(
        expect.arrayContaining([media.pdf, media.xlsx]),
      );
      expect(types('/api/v1/orgs/{org}/trust/log.csv')).toEqual([media.csv]);
      expect(types('/api/v1/calendar/{feed}')).toEqual([media.ics]);
      expect(types('/api/v1/orgs/{org}/posture/summary.pdf')).toEqual([media.pdf]);
    });

    it('marks required query parameters required, and soa/compare answers their absence with field paths', async () => {
      const params = doc.paths['/api/v1/orgs/{org}/soa/compare']?.get as unknown as {
        parameters: { name: string; in: string; required: boolean }[];
      };
      const query = params.parameters.filter((p) => p.in === 'query');
      expect(query.map((p) => [p.name, p.required])).toEqual([
        ['from', true],
        ['to', true],
      ]);
      const none = await admin.get('/api/v1/orgs/acme/soa/compare');
      expect(none.statusCode).toBe(400);
      expect(none.body).not.toMatch(/NaN/);
      expect(none.json().errors).toEqual([
        { path: 'querystring/from', message: 'required' },
        { path: 'querystring/to', message: 'required' },
      ]);
      const text = await admin.get('/api/v1/orgs/acme/soa/compare?from=one&to=2');
      expect(text.statusCode).toBe(400);
      expect(text.json().errors).toEqual([{ path: 'querystring/from', message: 'must be a whole number' }]);
    });

    it('has a response check in the API tests that refuses what the document does not declare', () => {
      const checker = new ResponseChecker(doc as never);
      const res = (statusCode: number, type: string, body: string) =>
        ({
          statusCode,
          headers: { 'content-type': type },
          body,
          rawPayload: Buffer.from(body),
        }) as unknown as LightMyRequestResponse;
      const compare = '/api/v1/orgs/:org/soa/compare';
      expect(checker.check('GET', compare, res(200, 'application/json', '{"from":1}'))).toMatch(/required/);
      expect(checker.check('GET', compare, res(418, 'application/problem+json', '{}'))).toMatch(
        /not declared/,
      );
      const wrongCode = JSON.stringify({ type: 't', title: 't', status: 404, code: 'conflict' });
      expect(checker.check('GET', compare, res(404, 'application/problem+json', wrongCode))).toMatch(
        /allowed values/,
      );
      const pdf = '/api/v1/orgs/:org/posture/summary.pdf';
      expect(checker.check('GET', pdf, res(200, 'text/html', '<p>'))).toMatch(/text\/html/);
      expect(checker.check('GET', pdf, res(200, 'application/pdf', '%PDF-1.7'))).toBeNull();
      expect(checker.check('GET', undefined, res(404, 'application/problem+json', '{"code":1}'))).toMatch(
        /code/,
      );
    });
  });
}
