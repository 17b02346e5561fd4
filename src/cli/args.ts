import type { RepairKind } from '../core/repair/index';
import { CliError } from './errors';

export type Command = 'repair' | 'annotate' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  /** Input path; '-' is standard input. */
  file?: string;
  json: boolean;
  /** Repair stages switched off with --no-STAGE. */
  disable: RepairKind[];
  toTraditional: boolean;
  url?: string;
  title?: string;
}

/** Stages that can be switched off, in pipeline order. */
export const STAGE_NAMES = ['unicode', 'mojibake', 'pinyin', 'traditional', 'spun', 'layout'] as const satisfies readonly RepairKind[];

const COMMANDS: readonly Command[] = ['repair', 'annotate', 'help'];
/** Options that take a value, as --name VALUE or --name=VALUE. */
const VALUE_OPTIONS = new Set(['url', 'title']);

export const USAGE = `Usage: govlens <command> [options] FILE|-

Commands:
  repair      print the repaired text (with --json: text, changes, suggestions)
  annotate    repair, then find figures, slogan terms and pledges
              (with --json: machine-readable; without: a readable summary)
  help        show this help

Options:
  --json              print JSON (offsets count UTF-16 code units into "text")
  --no-STAGE          switch a repair stage off; STAGE is one of
                      ${STAGE_NAMES.join(', ')}
  --to-traditional    convert to Traditional instead of Simplified
  --url URL           page address, used by report detection (annotate)
  --title TITLE       page title, used by report detection (annotate)
  -h, --help          show this help
  -V, --version       show the version

FILE may be '-' for standard input. Input is read as UTF-8; GB18030 and
Big5 files are recognised and decoded (a note goes to stderr).

Environment:
  GOVLENS_DEBUG=1       print a stack trace on internal errors
  GOVLENS_NO_BUNDLE=1   run the TypeScript sources through tsx instead of
                        the cached bundle in node_modules/.cache/govlens`;

function usageError(message: string): CliError {
  return new CliError(`${message} (see 'govlens --help')`, 2);
}

/** Parses argv (without node and script). Throws CliError with exit code 2 on misuse. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', json: false, disable: [], toTraditional: false };
  const positional: string[] = [];
  let wantsHelp = false;
  let wantsVersion = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '-h' || arg === '--help') wantsHelp = true;
    else if (arg === '-V' || arg === '--version') wantsVersion = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--to-traditional') args.toTraditional = true;
    else if (arg.startsWith('--no-')) {
      const stage = arg.slice(5) as (typeof STAGE_NAMES)[number];
      if (!STAGE_NAMES.includes(stage)) throw usageError(`unknown option '${arg}'; stages are ${STAGE_NAMES.join(', ')}`);
      if (!args.disable.includes(stage)) args.disable.push(stage);
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      if (!VALUE_OPTIONS.has(name)) throw usageError(`unknown option '${arg}'`);
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined) throw usageError(`option '--${name}' needs a value`);
      if (name === 'url') args.url = value;
      else args.title = value;
    } else throw usageError(`unknown option '${arg}'`);
  }

  if (wantsHelp) return { ...args, command: 'help' };
  if (wantsVersion) return { ...args, command: 'version' };
  const [command, file, ...extra] = positional;
  if (command === undefined) throw usageError('missing command');
  if (!COMMANDS.includes(command as Command)) throw usageError(`unknown command '${command}'`);
  args.command = command as Command;
  if (args.command === 'help') return args;
  if (file === undefined) throw usageError(`missing FILE for '${command}' (use - for standard input)`);
  if (extra.length) throw usageError(`unexpected argument '${extra[0]}'; give one FILE`);
  args.file = file;
  return args;
}
