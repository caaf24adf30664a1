import { asyncView, twinCases, VirtualClock } from '../../src/testing/index.js';
import type { Rows } from './row.js';

const twins = { async: { a: async () => 1 }, sync: { a: () => 1 } };

export const rows: Rows = {
  asyncView: {
    wrongType: [
      [
        () => asyncView(undefined as never, {}),
        TypeError,
        'asyncView(): syncTwin must be a module namespace or an object of exports, got undefined',
      ],
      [
        () => asyncView({}, {}, { renames: { a: 1 } } as never),
        TypeError,
        'asyncView(): renames must be an object mapping async names to sync names, got an object',
      ],
    ],
    outOfRange: { none: 'two objects and a map of names' },
  },
  twinCases: {
    wrongType: [
      [
        () => twinCases({ async: {} } as never),
        TypeError,
        'twinCases(): twins.sync must be a module namespace or an object of exports, got undefined',
      ],
      [
        () => twinCases(twins, { skip: 'windows' as never }),
        TypeError,
        "twinCases(): skip must be a function or undefined, got 'windows' (string)",
      ],
    ],
    outOfRange: [
      [
        () => twinCases(twins, { colors: ['blocking'] as never }),
        RangeError,
        "twinCases(): colors must be an array of 'async' and 'sync', got 'blocking' (string)",
      ],
    ],
  },
  VirtualClock: {
    wrongType: [
      [
        () => new VirtualClock({ start: '0' as never }),
        TypeError,
        "VirtualClock: start must be a finite number, got '0' (string)",
      ],
      [
        () => new VirtualClock().setTimer('tick' as never, 1),
        TypeError,
        "VirtualClock.setTimer(): callback must be a function, got 'tick' (string)",
      ],
      [
        () => new VirtualClock().advanceTo('10' as never),
        TypeError,
        "VirtualClock.advanceTo(): time must be a finite number, got '10' (string)",
      ],
      [
        () => new VirtualClock({ autojump: 'on' as never }),
        TypeError,
        "VirtualClock: autojump must be true, false or a finite number of real milliseconds >= 0, got 'on' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new VirtualClock().advance(-1),
        RangeError,
        'VirtualClock.advance(): ms must be a finite number of milliseconds >= 0, got -1',
      ],
      [() => new VirtualClock().advance(Number.POSITIVE_INFINITY), RangeError, 'got Infinity'],
      [
        () => new VirtualClock().runAll({ limit: 0 }),
        RangeError,
        'VirtualClock.runAll(): limit must be an integer >= 1, got 0',
      ],
      [() => new VirtualClock({ autojump: -1 }), RangeError, 'got -1'],
    ],
  },
};
