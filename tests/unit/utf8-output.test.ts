import { describe, expect, it } from 'vitest';
import { escapeNoncharacters, utf8Output } from '../../scripts/vite-utf8-output';

/** Chrome's rule (base::IsStringUTF8): valid UTF-8 with no noncharacters. */
function chromeAccepts(code: string): boolean {
  for (const ch of code) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
    if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return false;
  }
  return true;
}

describe('UTF-8 build output', () => {
  it('sets the charset the minifier reads, over the ASCII WXT forces', () => {
    const plugin = utf8Output();
    const config = (plugin.config as () => { esbuild: { charset: string } })();
    expect(config.esbuild.charset).toBe('utf8');
  });

  it('writes noncharacters as escapes that mean the same, and leaves Chinese alone', () => {
    const source = 'const a="高质量发展\uFFFF", r=/[\u4e00-\uFFFE]/, b="\u{10FFFF}\uFDD0", c="\u{1F600}";';
    expect(chromeAccepts(source)).toBe(false);
    const out = escapeNoncharacters(source);
    expect(chromeAccepts(out)).toBe(true);
    expect(out).toContain('高质量发展\\uFFFF');
    expect(out).toContain('\\uDBFF\\uDFFF\\uFDD0');
    expect(out).toContain('\u{1F600}');
    // Same values once evaluated.
    const run = (code: string) => new Function(`${code} return [a, r.source, b, c];`)() as string[];
    const [a, , b, c] = run(out);
    expect([a, b, c]).toEqual(run(source).filter((_, i) => i !== 1));
    expect(new RegExp(run(out)[1]).test('\uFFFE')).toBe(true);
  });
});
