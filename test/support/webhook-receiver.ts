import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A webhook receiver on loopback: keeps every request and counts every TCP connection (a refused target
 * must see none). `answer(n)` decides the n-th response (0-based); 200 by default.
 */
export async function startReceiver(answer: (n: number) => Answer = () => ({ status: 200 })) {
  const requests: Received[] = [];
  const state = { connections: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const a = answer(requests.length);
      requests.push({ headers: req.headers, body });
      res.writeHead(a.status, a.headers ?? {});
      res.end(a.body ?? '');
    });
  });
  server.on('connection', () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An endpoint of `slug` (a public https URL: nothing is sent in a test), for walks over every route. */
export async function webhookFixture(
  admin: { post(url: string, body?: unknown): Promise<{ json(): unknown }> },
  slug: string,
) {
  const hook = { url: `https://hooks.example.com/${slug}`, events: ['finding.created'] };
  const res = await admin.post(`/api/v1/orgs/${slug}/webhooks`, hook);
  return { endpointId: (res.json() as { id: string }).id };
}
