import { ScheduleToken, Scheduler } from '../../src/schedule/index.js';
import type { Rows } from './row.js';

export const rows: Rows = {
  Scheduler: {
    wrongType: [
      [
        () => new Scheduler().at('2030-01-01' as never, 1),
        TypeError,
        "Scheduler.at(): time must be a valid Date or finite epoch milliseconds, got '2030-01-01' (string)",
      ],
      [
        () => new Scheduler().after('1s' as never, 1),
        TypeError,
        "Scheduler.after(): ms must be a finite number of milliseconds >= 0, got '1s' (string)",
      ],
      [
        () => new Scheduler().take({ signal: 'x' as never }),
        TypeError,
        "Scheduler.take(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new Scheduler().at(new Date('nope'), 1),
        RangeError,
        'Scheduler.at(): time must be a valid Date or finite epoch milliseconds, got an instance of Date',
      ],
      [
        () => new Scheduler().after(-5, 1),
        RangeError,
        'Scheduler.after(): ms must be a finite number of milliseconds >= 0, got -5',
      ],
      [
        () => new Scheduler().every(0, 1),
        RangeError,
        'Scheduler.every(): ms must be a finite number of milliseconds > 0, got 0',
      ],
    ],
  },
  ScheduleToken: {
    wrongType: [
      [
        () => new ScheduleToken('now' as never, undefined, () => {}),
        TypeError,
        "ScheduleToken: nextAt must be a finite number, got 'now' (string)",
      ],
      [
        () => new ScheduleToken(0, undefined, undefined as never),
        TypeError,
        'ScheduleToken: cancel must be a function, got undefined',
      ],
    ],
    outOfRange: [
      [
        () => new ScheduleToken(0, -1, () => {}),
        RangeError,
        'ScheduleToken: interval must be a finite number of milliseconds > 0, got -1',
      ],
    ],
  },
};
