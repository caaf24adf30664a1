// `node dist/server/server-main.js [port] [--http]`: the server in a process of its own, as in the talk.
import { startRandintHttpServer } from './randint-http-server.js';
import { startRandintServer } from './randint-server.js';

const http = process.argv.includes('--http');
const port = Number(process.argv.slice(2).find((arg) => arg !== '--http') ?? 0);
const server = await (http ? startRandintHttpServer({ port }) : startRandintServer({ port }));
if (process.send) process.send({ port: server.port });
else if (http) console.log(`======== Running on http://${server.host}:${server.port} ========`);
else console.log(`listening on ${server.host}:${server.port}...`);
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
