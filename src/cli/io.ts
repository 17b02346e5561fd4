import { readFileSync, statSync } from 'node:fs';
import { CliError } from './errors';

/** Reads a file, or standard input for '-', as raw bytes. Turns fs errors into one-line messages. */
export async function readInput(file: string): Promise<Uint8Array> {
  if (file === '-') return readStdin();
  try {
    if (statSync(file).isDirectory()) throw new CliError(`'${file}' is a directory, not a file`);
    return readFileSync(file);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read '${file}': ${describeFsError(err)}`);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  } catch (err) {
    throw new CliError(`cannot read standard input: ${describeFsError(err)}`);
  }
  return Buffer.concat(chunks);
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}

/**
 * A reader that closes the pipe early (`govlens … | head`) is not an error:
 * stop quietly instead of letting EPIPE surface as an uncaught exception.
 */
export function exitQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`govlens: cannot write output: ${err.code ?? err.message}\n`);
    process.exit(1);
  });
}
