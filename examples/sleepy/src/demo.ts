// The seed poster's "library in action": the same naps from async code and from sync code.
import { AsyncSleeper, formatNapReport, Sleeper } from './index.js';

// Created at module top level, before anything runs: the constructors do no I/O.
const asyncSleeper = new AsyncSleeper();
const sleeper = new Sleeper();

const naps = Number(process.argv[2] ?? 10);

console.log(`async twin: ${formatNapReport(await asyncSleeper.sleepALot(naps))}`);
console.log(`sync twin:  ${formatNapReport(sleeper.sleepALot(naps))}`);
sleeper.close();
await asyncSleeper.close();
