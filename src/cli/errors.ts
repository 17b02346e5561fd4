/**
 * An error meant for the user: printed as one line on stderr, never with a
 * stack. `exitCode` 2 is for usage mistakes, 1 for bad input.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
