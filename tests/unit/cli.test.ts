import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repoRoot, 'bin/govlens.mjs');
const seedDir = join(repoRoot, 'seeds');
const seedFiles = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seedPath = (prefix: string) => join(seedDir, seedFiles.find((f) => f.startsWith(prefix))!);
const tmp = mkdtempSync(join(tmpdir(), 'govlens-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ALL_STAGES_OFF = ['--no-unicode', '--no-mojibake', '--no-pinyin', '--no-traditional', '--no-spun', '--no-layout'];

function govlens(args: string[], input?: Uint8Array | string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, cwd: tmp, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A failure the user caused: non-zero exit, one `govlens:` line on stderr, no stack frames. */
function expectCleanFailure(r: ReturnType<typeof govlens>, message: RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/^govlens: /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toContain('    at ');
  expect(r.stdout).toBe('');
}

/**
 * Node ships legacy-encoding decoders but no encoders, so build a table by
 * decoding every two-byte pair. The first pair seen for a character wins;
 * pairs that do not decode to exactly one character are skipped.
 */
function encoderFrom(label: string, leads: [number, number], trails: Array<[number, number]>) {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder(label);
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [lo, hi] of trails) {
      for (let trail = lo; trail <= hi; trail++) {
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if ([...ch].length === 1 && ch !== '\uFFFD' && ch.charCodeAt(0) >= 0x80 && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  /** Encodes `text`, dropping characters the table lacks; returns bytes and the text actually encoded. */
  return (text: string) => {
    const bytes: number[] = [];
    let kept = '';
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) bytes.push(code);
      else if (table.has(ch)) bytes.push(...table.get(ch)!);
      else continue;
      kept += ch;
    }
    return { bytes: Uint8Array.from(bytes), text: kept };
  };
}

describe('govlens repair / annotate on seeds', () => {
  it('annotate --json on seed 000 is valid JSON whose text equals repair --json text, with consistent offsets', () => {
    const file = seedPath('000');
    const annotated = govlens(['annotate', '--json', file]);
    expect(annotated.code).toBe(0);
    expect(annotated.stderr).toBe('');
    const a = JSON.parse(annotated.stdout);
    const repaired = JSON.parse(govlens(['repair', '--json', file]).stdout);
    expect(a.text).toBe(repaired.text);
    expect(a.text.length).toBeGreaterThan(1000);
    expect(typeof a.isReport).toBe('boolean');
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(1);
    for (const key of ['figures', 'terms', 'pledges']) expect(Array.isArray(a[key]), key).toBe(true);
    for (const f of a.figures) {
      expect(a.text.slice(f.start, f.end)).toBe(f.text);
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['start', 'end', 'text', 'kind', 'value', 'unit', 'target']));
    }
    for (const t of a.terms) {
      expect(a.text.slice(t.start, t.end)).toBe(t.text);
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['start', 'end', 'text', 'definition', 'source']));
    }
    for (const p of a.pledges) expect(a.text.slice(p.start, p.end)).toBe(p.text);
  });

  it('repair prints the repaired text exactly as repair --json reports it, for every seed', () => {
    for (const f of seedFiles) {
      const file = join(seedDir, f);
      const plain = govlens(['repair', file]);
      const json = govlens(['repair', '--json', file]);
      expect(plain.code, f).toBe(0);
      const r = JSON.parse(json.stdout);
      expect(plain.stdout, f).toBe(r.text);
      expect(Array.isArray(r.suggestions), f).toBe(true);
      for (const c of r.changes) {
        expect(Object.keys(c).sort(), f).toEqual(['after', 'before', 'confidence', 'end', 'kind', 'start']);
        expect(r.text.slice(c.start, c.end), f).toBe(c.after);
      }
    }
  });

  it('--to-traditional writes Traditional characters (and plain repair does not)', () => {
    const input = '推动经济高质量发展，扩大国内需求。';
    expect(govlens(['repair', '--to-traditional', '-'], input).stdout).toBe('推動經濟高質量發展，擴大國內需求。');
    expect(govlens(['repair', '-'], input).stdout).toBe(input);
  });

  it('with every stage off, repair gives the input back unchanged, from a file and from stdin', () => {
    const file = seedPath('004');
    const original = readFileSync(file, 'utf8');
    expect(govlens(['repair', ...ALL_STAGES_OFF, file]).stdout).toBe(original);
    expect(govlens(['repair', ...ALL_STAGES_OFF, '-'], original).stdout).toBe(original);
  });

  it('the tsx fallback launcher gives the same output as the cached bundle', () => {
    const file = seedPath('002');
    const bundled = govlens(['annotate', '--json', file]);
    const viaTsx = govlens(['annotate', '--json', file], undefined, { GOVLENS_NO_BUNDLE: '1' });
    expect(viaTsx.code).toBe(0);
    expect(viaTsx.stderr).toBe('');
    expect(viaTsx.stdout).toBe(bundled.stdout);
  });

  it('annotate without --json prints a readable summary', () => {
    const r = govlens(['annotate', seedPath('000')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^report: +(yes|no) \(score \d\.\d\d/m);
    expect(r.stdout).toMatch(/^found: +\d+ figures, \d+ terms, \d+ pledges$/m);
  });
});

describe('govlens input decoding', () => {
  const sample = readFileSync(seedPath('000'), 'utf8').slice(0, 3000);
  const traditional = readFileSync(seedPath('001'), 'utf8').slice(0, 3000);

  it('decodes a GB18030 file and says so', () => {
    const encode = encoderFrom('gb18030', [0x81, 0xfe], [
      [0x40, 0x7e],
      [0x80, 0xfe],
    ]);
    const { bytes, text } = encode(sample);
    expect(text.length).toBeGreaterThan(2000);
    // The file really is not UTF-8, so the fallback is exercised.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const path = join(tmp, 'gb.txt');
    writeFileSync(path, bytes);
    const r = govlens(['repair', ...ALL_STAGES_OFF, path]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('govlens: input decoded as GB18030');
    expect(r.stdout).toBe(text);
  });

  it('decodes a Big5 file (Traditional text) and says so', () => {
    // Big5 proper: leads 0xA1–0xF9, skipping the HKSCS extension below.
    const encode = encoderFrom('big5', [0xa1, 0xf9], [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ]);
    const { bytes, text } = encode(traditional);
    expect(text.length).toBeGreaterThan(1500);
    const path = join(tmp, 'big5.txt');
    writeFileSync(path, bytes);
    const r = govlens(['repair', ...ALL_STAGES_OFF, path]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('govlens: input decoded as Big5');
    expect(r.stdout).toBe(text);
  });

  it('decodes GB18030 arriving on stdin', () => {
    const bytes = Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6]); // 政府工作报告
    const r = govlens(['repair', '-'], bytes);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('政府工作报告');
    expect(r.stderr).toContain('GB18030');
  });

  it('reads a UTF-8 file silently', () => {
    const r = govlens(['repair', ...ALL_STAGES_OFF, seedPath('002')]);
    expect(r.stderr).toBe('');
  });
});

describe('govlens bad input and usage', () => {
  it('missing file', () => expectCleanFailure(govlens(['repair', join(tmp, 'nope.txt')]), /no such file/));

  it('a directory', () => expectCleanFailure(govlens(['annotate', '--json', tmp]), /is a directory/));

  it('binary data with NUL bytes', () => {
    const path = join(tmp, 'bin.dat');
    writeFileSync(path, Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    expectCleanFailure(govlens(['repair', path]), /binary/);
  });

  it('binary data without NUL bytes but full of control bytes', () => {
    const path = join(tmp, 'ctl.dat');
    writeFileSync(path, Uint8Array.from({ length: 4096 }, (_, i) => 1 + (i % 31)));
    expectCleanFailure(govlens(['repair', path]), /binary/);
  });

  it('bytes that are no known encoding', () => {
    const path = join(tmp, 'junk.txt');
    // 0xFF is invalid in UTF-8 and GB18030, and lone high bytes before ASCII fail Big5 too.
    writeFileSync(path, Uint8Array.from([0x61, 0xff, 0x20, 0xff, 0x20, 0xfe, 0x20, 0xff, 0x62]));
    expectCleanFailure(govlens(['repair', path]), /not valid UTF-8, GB18030 or Big5/);
  });

  it('unknown command, unknown flag, unknown stage, missing FILE', () => {
    expectCleanFailure(govlens(['summarise', 'x']), /unknown command 'summarise'/);
    expectCleanFailure(govlens(['repair', '--frobnicate', seedPath('000')]), /unknown option '--frobnicate'/);
    expectCleanFailure(govlens(['repair', '--no-grammar', seedPath('000')]), /unknown option '--no-grammar'/);
    expectCleanFailure(govlens(['repair']), /missing FILE/);
  });

  it('empty input prints nothing and succeeds', () => {
    const r = govlens(['repair', '-'], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const path = join(tmp, 'empty.txt');
    writeFileSync(path, '');
    const a = govlens(['annotate', path]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe('');
  });

  it('--help and --version', () => {
    const h = govlens(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: govlens');
    for (const stage of ['unicode', 'mojibake', 'pinyin', 'traditional', 'spun', 'layout']) expect(h.stdout).toContain(stage);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(govlens(['--version']).stdout.trim()).toBe(`govlens ${pkg.version}`);
  });

  it('a reader that closes the pipe early is not an error', () => {
    // `head -c 10` exits after ten bytes; govlens must not print a stack trace.
    const big = join(tmp, 'big.txt');
    writeFileSync(big, readFileSync(seedPath('000'), 'utf8').repeat(20));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" repair --no-spun "${big}" | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr).not.toMatch(/EPIPE/);
    expect(r.status).toBe(0);
  });
});
