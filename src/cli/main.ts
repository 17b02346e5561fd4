import { pathToFileURL } from 'node:url';
// Imported rather than read at run time so a bundled copy of the CLI still knows its version.
import pkg from '../../package.json';
import type { RepairOptions } from '../core/repair/index';
import { parseArgs, USAGE, type CliArgs } from './args';
import { decodeInput } from './decode';
import { CliError } from './errors';
import { annotateJson, annotateSummary, repairJson } from './format';
import { exitQuietlyOnBrokenPipe, readInput } from './io';

function version(): string {
  return pkg.version;
}

function repairOptions(args: CliArgs): RepairOptions {
  return { disable: args.disable, toTraditional: args.toTraditional };
}

/** Runs one command; returns the text for stdout. Throws CliError for anything the user should fix. */
export async function run(argv: readonly string[], stderr: (line: string) => void): Promise<string> {
  const args = parseArgs(argv);
  if (args.command === 'help') return USAGE + '\n';
  if (args.command === 'version') return `govlens ${version()}\n`;

  // The core (and its data tables) loads only once there is work to do, so
  // --help, --version and usage errors answer fast and never depend on it.
  const corePending = Promise.all([import('../core/repair/index'), import('../core/annotate'), import('../core/lm/shipped'), import('../core/glossary/shipped'), import('../core/repair/traditional/s2t-tables')]);
  corePending.catch(() => {}); // awaited below; a read error may come first
  const decoded = decodeInput(await readInput(args.file!));
  if (decoded.note) stderr(`govlens: ${decoded.note}`);
  const input = decoded.text;
  const [{ repair }, { annotate }] = await corePending;
  // Traditional output needs the (large, lazily loaded) Simplified→Traditional dictionaries first.
  if (args.toTraditional) await (await import('../core/repair/traditional/script')).loadSimplifiedToTraditional();

  if (args.command === 'repair') {
    const result = repair(input, repairOptions(args));
    return args.json ? repairJson(result) : result.text;
  }
  const result = annotate(input, { url: args.url, title: args.title, repair: repairOptions(args) });
  if (args.json) return annotateJson(result);
  return input ? annotateSummary(result) : '';
}

/** Entry point for bin/govlens.mjs: sets process.exitCode, never throws, never prints a stack. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  exitQuietlyOnBrokenPipe();
  const stderr = (line: string) => process.stderr.write(line + '\n');
  try {
    const out = await run(argv, stderr);
    if (out) process.stdout.write(out);
  } catch (err) {
    if (err instanceof CliError) {
      stderr(`govlens: ${err.message}`);
      process.exitCode = err.exitCode;
    } else {
      // A bug, not a user mistake: still one line, with the stack behind an opt-in.
      const message = err instanceof Error ? err.message : String(err);
      stderr(`govlens: internal error: ${message}${process.env.GOVLENS_DEBUG ? '' : ' (set GOVLENS_DEBUG=1 for details)'}`);
      if (process.env.GOVLENS_DEBUG && err instanceof Error && err.stack) stderr(err.stack);
      process.exitCode = 70;
    }
  }
}

// `npm run cli` / `tsx src/cli/main.ts` runs this file directly.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
