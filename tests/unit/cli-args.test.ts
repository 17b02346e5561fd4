import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';

function usageFailure(argv: string[]): CliError {
  try {
    parseArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return err as CliError;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not throw`);
}

describe('parseArgs', () => {
  it('reads command, file and flags in any order', () => {
    const a = parseArgs(['--json', 'annotate', '--no-spun', 'report.txt', '--to-traditional', '--no-layout']);
    expect(a).toMatchObject({ command: 'annotate', file: 'report.txt', json: true, toTraditional: true, disable: ['spun', 'layout'] });
  });

  it('takes - as standard input, and anything after -- as a positional', () => {
    expect(parseArgs(['repair', '-']).file).toBe('-');
    expect(parseArgs(['repair', '--', '--odd-name.txt']).file).toBe('--odd-name.txt');
  });

  it('accepts --url VALUE and --url=VALUE', () => {
    expect(parseArgs(['annotate', '--url', 'https://a.gov.cn/x', 'f']).url).toBe('https://a.gov.cn/x');
    expect(parseArgs(['annotate', '--title=政府工作报告', 'f']).title).toBe('政府工作报告');
    expect(usageFailure(['annotate', 'f', '--url']).message).toMatch(/needs a value/);
  });

  it('lists a repeated --no-STAGE once', () => {
    expect(parseArgs(['repair', '--no-pinyin', '--no-pinyin', 'f']).disable).toEqual(['pinyin']);
  });

  it('lets --help and --version win over everything else', () => {
    expect(parseArgs(['repair', '--help']).command).toBe('help');
    expect(parseArgs(['--version']).command).toBe('version');
    expect(parseArgs(['help']).command).toBe('help');
  });

  it('rejects misuse with exit code 2', () => {
    for (const argv of [[], ['fix', 'f'], ['repair'], ['repair', 'a', 'b'], ['repair', '-x', 'f'], ['repair', '--no-entity', 'f'], ['repair', '--jsonn', 'f']]) {
      expect(usageFailure(argv).exitCode, argv.join(' ')).toBe(2);
    }
  });
});
