// `node dist/server/server-main.js [port]`: the server in a process of its own, as in the talk.
import { startRandintServer } from './randint-server.js';

const server = await startRandintServer({ port: Number(process.argv[2] ?? 0) });
if (process.send) process.send({ port: server.port });
else console.log(`listening on ${server.host}:${server.port}...`);
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
