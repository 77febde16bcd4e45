import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Found by the OpenAPI fuzzer (issue #18): requests refused before any route runs answered with Fastify's
// own JSON ({"error","message","statusCode"}) instead of problem+json.

/** Writes raw bytes on a socket and reads until the server closes it. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.setTimeout(20_000, () => socket.destroy(new Error('no answer')));
    socket.write(bytes, 'latin1');
  });
}

const problemOf = (response: string) => {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { head, body: JSON.parse(body) as Record<string, unknown> };
};

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`errors before routing on ${kind} (issue #18)`, () => {
    let t: TestApp;
    let port: number;
    beforeAll(async () => {
      t = await startTestApp(kind);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as AddressInfo).port;
    });
    afterAll(async () => t?.close());

    it('answers a path that does not decode (%zz, bad UTF-8) with a 400 problem', async () => {
      for (const path of [
        '/api/v1/orgs/%zz/settings',
        '/api/v1/orgs/%C3%28/audits',
        '/api/v1/trust/%ED%A0%80',
      ]) {
        const res = await t.app.inject({ method: 'GET', url: path });
        expect(res.statusCode, path).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
      }
      // Raw latin-1 bytes on the wire are not UTF-8 either.
      const { head, body } = problemOf(
        await raw(port, 'GET /api/v1/trust/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      expect(head).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(head.toLowerCase()).toContain('content-type: application/problem+json');
      expect(body).toHaveProperty('code');
    });

    it('answers oversized headers with a 431 problem and malformed HTTP with a 400 problem', async () => {
      const big = await raw(
        port,
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      const p = problemOf(big);
      expect(p.head).toMatch(/^HTTP\/1\.1 431 /);
      expect(p.head).toContain('Content-Type: application/problem+json');
      expect(p.body).toMatchObject({ status: 431, code: 'headers_too_large' });
      const bad = problemOf(await raw(port, 'GET /api/health HTTP/1.1\r\nHost x\r\n\r\n'));
      expect(bad.head).toMatch(/^HTTP\/1\.1 400 /);
      expect(bad.body).toMatchObject({ status: 400, code: 'validation_failed' });
    });

    it('answers a number the column cannot hold (a denormal effort) without a 5xx', async () => {
      const admin = await setupAdmin(t);
      const task = await admin.post('/api/v1/orgs/acme/plan/tasks', {
        title: 'Patch the fleet',
        effortDays: 2,
      });
      expect(task.statusCode, task.body).toBe(201);
      const res = await admin.patch(`/api/v1/orgs/acme/plan/tasks/${task.json().id}`, {
        effortDays: 9.4e-323,
      });
      // SQLite stores the double as given; PostgreSQL's `real` refuses it (SQLSTATE 22003): a 400 there.
      if (kind === 'postgres') {
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ code: 'validation_failed' });
      } else expect(res.statusCode, res.body).toBe(204);
    });
  });
}
