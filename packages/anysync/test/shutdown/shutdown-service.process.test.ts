// Real processes receiving real signals: each test runs fixtures/service.mjs (which imports the built
// package; `npm test` builds first) and talks to it through stdout and kill().
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

const fixture = new URL('./fixtures/service.mjs', import.meta.url).pathname;

interface Run {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves once a line equal to `line` has been printed. */
  printed(line: string): Promise<void>;
  /** Resolves with the exit code (or signal) and every line printed. */
  readonly done: Promise<{ code: number | null; signal: string | null; lines: string[] }>;
}

function start(scenario: string): Run {
  const child = spawn(process.execPath, [fixture, scenario], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((candidate) => candidate.line === line)) waiter.resolve();
    }
  });
  const done = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as string | null,
    lines,
  }));
  const printed = (line: string) =>
    lines.includes(line)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiters.push({ line, resolve });
          void done.then(() =>
            reject(new Error(`exited before printing "${line}"; printed ${JSON.stringify(lines)}`)),
          );
        });
  return { child, lines, printed, done };
}

describe('ShutdownService in a real process', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'])('shuts down gracefully on %s, hooks in order', async (signal) => {
    const run = start('graceful');
    await run.printed('ready');
    run.child.kill(signal as NodeJS.Signals);
    const { code, lines } = await run.done;
    expect(lines).toEqual([
      'startup 1',
      'startup 2',
      'ready',
      `handler signal ${signal}`,
      'join 1',
      'join 2',
      `stopped {"type":"signal","signal":"${signal}"}`,
    ]);
    expect(code).toBe(0);
  });

  it('a second signal forces the exit with 128 + its number', async () => {
    const run = start('hang');
    await run.printed('ready');
    run.child.kill('SIGINT');
    await run.printed('join hanging');
    run.child.kill('SIGINT');
    const { code, lines } = await run.done;
    expect(lines.slice(-2)).toEqual(['join hanging', 'forced signal 130']);
    expect(code).toBe(130);
  });

  it('the timeout forces the exit when a hook hangs', async () => {
    const run = start('timeout');
    await run.printed('ready');
    run.child.kill('SIGTERM');
    const { code, lines } = await run.done;
    expect(lines.slice(-2)).toEqual(['join hanging', 'forced timeout 1']);
    expect(code).toBe(1);
  });

  it('worker threads see the shutdown begin and are joined before the other hooks', async () => {
    const run = start('workers');
    await run.printed('ready');
    run.child.kill('SIGTERM');
    const { code, lines } = await run.done;
    expect(code).toBe(0);
    const afterSignal = lines.slice(lines.indexOf('handler signal SIGTERM') + 1);
    expect([...afterSignal.slice(0, 2)].sort()).toEqual(['worker 0 stopped', 'worker 1 stopped']);
    expect(afterSignal.slice(2)).toEqual([
      'workers joined',
      'join 1',
      'join 2',
      'stopped {"type":"signal","signal":"SIGTERM"}',
    ]);
  });

  it('a worker can request the shutdown, no signal needed', async () => {
    const run = start('worker-request');
    const { code, lines } = await run.done;
    expect(code).toBe(0);
    expect(lines).toContain('handler request 5');
    expect(lines.at(-1)).toBe('stopped {"type":"request","from":"worker","code":5}');
  });
});
