import { ConfigError } from '../config/config-error.js';

/** A parsed command line. */
export interface CliArgs {
  readonly command: 'generate' | 'check' | 'help' | 'version';
  readonly config: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly watch: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  /** `--verify` / `--no-verify`; `undefined` leaves the command's default (check verifies, generate not). */
  readonly verify: boolean | undefined;
}

const FLAGS = new Set([
  '--watch',
  '-w',
  '--force',
  '--quiet',
  '-q',
  '--verify',
  '--no-verify',
  '--help',
  '-h',
  '--version',
  '-v',
]);

/** Parses `anysync <command> [options] [<from> <to>]`; bad input throws a {@link ConfigError}. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const flags = new Set<string>();
  let config: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--config' || arg === '-c') {
      config = argv[i + 1];
      if (config === undefined || config.startsWith('-'))
        throw new ConfigError('`--config` needs a file path');
      i += 1;
    } else if (arg.startsWith('--config=')) config = arg.slice('--config='.length);
    else if (FLAGS.has(arg)) flags.add(arg);
    else if (arg.startsWith('-')) throw new ConfigError(`unknown option \`${arg}\``);
    else positional.push(arg);
  }
  if (flags.has('--help') || flags.has('-h')) return base('help', config, flags);
  if (flags.has('--version') || flags.has('-v')) return base('version', config, flags);
  const [command, from, to, ...extra] = positional;
  if (command === undefined) throw new ConfigError('missing command');
  if (command === 'help') return base('help', config, flags);
  if (command !== 'generate' && command !== 'check') throw new ConfigError(`unknown command \`${command}\``);
  if (extra.length > 0) throw new ConfigError(`unexpected argument \`${extra[0]}\``);
  if ((from === undefined) !== (to === undefined))
    throw new ConfigError('give both <from> and <to>, or neither');
  if (from !== undefined && config !== undefined)
    throw new ConfigError('give either `--config` or <from> <to>, not both');
  if (command === 'check' && (flags.has('--watch') || flags.has('-w')))
    throw new ConfigError('`--watch` only applies to `generate`');
  if (flags.has('--verify') && flags.has('--no-verify'))
    throw new ConfigError('give `--verify` or `--no-verify`, not both');
  return { ...base(command, config, flags), from, to };
}

function base(command: CliArgs['command'], config: string | undefined, flags: ReadonlySet<string>): CliArgs {
  return {
    command,
    config,
    from: undefined,
    to: undefined,
    watch: flags.has('--watch') || flags.has('-w'),
    force: flags.has('--force'),
    quiet: flags.has('--quiet') || flags.has('-q'),
    verify: flags.has('--verify') ? true : flags.has('--no-verify') ? false : undefined,
  };
}
