import { describe, expect, it } from 'vitest';
import { decodeInput, looksBinary, plausibility } from '../../src/cli/decode';
import { CliError } from '../../src/cli/errors';

const utf8 = (s: string) => new TextEncoder().encode(s);
const report = '各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。';

describe('decodeInput', () => {
  it('reads plain UTF-8 with no note and strips a UTF-8 BOM', () => {
    expect(decodeInput(utf8(report))).toEqual({ text: report, encoding: 'UTF-8' });
    expect(decodeInput(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(report)])).text).toBe(report);
  });

  it('reads UTF-16 with a byte-order mark even though it is full of NUL bytes', () => {
    const le = [0xff, 0xfe];
    for (const ch of report) le.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
    const d = decodeInput(Uint8Array.from(le));
    expect(d.text).toBe(report);
    expect(d.encoding).toBe('UTF-16LE');
    expect(d.note).toContain('UTF-16LE');
  });

  it('keeps UTF-8 with one stray byte, replacing it and saying so', () => {
    const bytes = utf8(report + 'x');
    const broken = Uint8Array.from([...bytes.slice(0, 30), 0xff, ...bytes.slice(30)]);
    const d = decodeInput(broken);
    expect(d.encoding).toBe('UTF-8');
    expect(d.text.replace('\uFFFD', '')).toBe(report + 'x');
    expect(d.note).toMatch(/1 invalid byte sequence replaced/);
  });

  it('decodes GB18030 bytes written by hand', () => {
    // 政府工作报告 in GB2312.
    const d = decodeInput(Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6]));
    expect(d).toEqual({ text: '政府工作报告', encoding: 'GB18030', note: 'input decoded as GB18030' });
  });

  it('decodes Big5 bytes written by hand', () => {
    // 政府工作報告 in Big5.
    const d = decodeInput(Uint8Array.from([0xac, 0x46, 0xa9, 0xb2, 0xa4, 0x75, 0xa7, 0x40, 0xb3, 0xf8, 0xa7, 0x69]));
    expect(d.text).toBe('政府工作報告');
    expect(d.encoding).toBe('Big5');
  });

  it('refuses binary data and undecodable bytes with a CliError', () => {
    expect(() => decodeInput(Uint8Array.from([0x47, 0x00, 0x4c]))).toThrow(CliError);
    expect(() => decodeInput(Uint8Array.from([0xff, 0x20, 0xff, 0x20, 0xff, 0x20]))).toThrow(/not valid UTF-8, GB18030 or Big5/);
  });

  it('gives empty input as empty text', () => {
    expect(decodeInput(new Uint8Array())).toEqual({ text: '', encoding: 'UTF-8' });
  });
});

describe('looksBinary', () => {
  it('allows tabs, newlines, form feeds and ESC but not a high share of other control bytes', () => {
    expect(looksBinary(utf8('a\tb\r\nc\fd\x1b[0m'))).toBe(false);
    expect(looksBinary(utf8('abcdefghij'.repeat(10) + '\x01\x02'))).toBe(false);
    expect(looksBinary(utf8('ab\x01\x02\x03\x04'))).toBe(true);
  });
});

describe('plausibility', () => {
  it('is high for report prose and low for characters common Chinese text rarely uses', () => {
    expect(plausibility(report)).toBeGreaterThan(0.6);
    expect(plausibility('ぁあぃいぅうぇえ┌┐└┘')).toBe(0);
    expect(plausibility('abc')).toBe(0);
  });
});
