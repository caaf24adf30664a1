import { setTimeout as delay } from 'node:timers/promises';

/** The talk's server "thinks about it" for a random time up to `thinkMs`, then picks from 0 to `upper`. */
export async function thinkOfRandint(upper: number, thinkMs: number): Promise<number> {
  await delay(Math.random() * thinkMs);
  return Math.floor(Math.random() * (upper + 1));
}
