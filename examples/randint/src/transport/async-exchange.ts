import { connect } from 'node:net';

/**
 * One request on a fresh TCP connection, as `echo 20 | nc ::1 8080` does: writes `line`, reads until the
 * server closes, returns what it sent. Sockets are event emitters, so this lives below the generated code.
 */
export function exchange(host: string, port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host, port, noDelay: true }, () => socket.end(line));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', (hadError) => {
      if (!hadError) resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}
