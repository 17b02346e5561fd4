import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/core/repair/pipeline';
import { unicodeStage } from '../../src/core/repair/stages/unicode';

const fix = (s: string) => runPipeline(s, [unicodeStage]);

describe('unicode stage', () => {
  it('strips zero-width characters, BOM and soft hyphens', () => {
    expect(fix('\ufeff政\u200b府\u200c工\u200d作\u2060报\u00ad告').text).toBe('政府工作报告');
  });

  it('decodes named, decimal, hex and double-escaped entities', () => {
    expect(fix('A&amp;B &lt;政府&gt; &#20013;&#x56FD; &ldquo;十四五&rdquo;').text).toBe('A&B <政府> 中国 “十四五”');
    expect(fix('区长&nbsp;黄颖').text).toBe('区长\u00a0黄颖');
    expect(fix('区长&amp;nbsp;黄颖').text).toBe('区长\u00a0黄颖');
    expect(fix('&amp;amp;').text).toBe('&');
  });

  it('labels entity edits as entity and invisible-character edits as unicode', () => {
    const r = fix('a&amp;b\u200bc');
    expect(r.changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['entity', '&amp;', '&'],
      ['unicode', '\u200b', ''],
    ]);
  });

  it('leaves unknown entities, bare ampersands and control-character references alone', () => {
    for (const s of ['&foo; R&D &#0; &#x1; AT&T', '&#xD800;', '&']) expect(fix(s).text).toBe(s);
  });

  it('applies NFC only where it changes something, never NFKC', () => {
    expect(fix('cafe\u0301').text).toBe('café');
    const fullWidth = '政府，工作（二期）：１２３！';
    expect(fix(fullWidth).text).toBe(fullWidth);
    expect(fix(fullWidth).changes).toEqual([]);
  });

  it('keeps a soft hyphen that is a byte of Windows-1252 mojibake (中 = "ä¸\\u00ad")', () => {
    expect(fix('ä¸\u00ad').text).toBe('ä¸\u00ad');
  });
});
