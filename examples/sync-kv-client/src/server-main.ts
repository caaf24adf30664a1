/** Runs the key-value server on a free loopback port and prints the port. */
import { startServer } from './kv-server.js';

const server = await startServer();
process.stdout.write(`${server.port}\n`);
