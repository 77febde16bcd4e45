// The floor for HTTP figures: a bare Fastify hello-world, started in its own process in the same minute
// as closeloop, on the same machine, driven by the same autocannon settings. closeloop's req/s are
// printed as a ratio to this one's (issue #16).
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 0);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
