import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countEnumerations, countQuotedTerms, countWords, hasLianghuiFolder, hasSessionOrdinal, hasWord, hostIn } from '../../src/core/detect/scan';
import { splitUrl } from '../../src/core/detect';

/**
 * The scanners stand in for regular expressions the detector used to run
 * (see scan.ts). Each is checked against its regex on text made from the
 * characters that matter to it, so the edge cases come up often.
 */
const textOf = (alphabet: string[], maxLength = 40) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((a) => a.join(''));
/** Pieces mixed with runs of 0–15 filler characters, so the length limits (12, 8) are hit often. */
const piecesAndRuns = (pieces: string[], filler: string) =>
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.integer({ min: 0, max: 15 }).map((n) => filler.repeat(n))), { maxLength: 12 }).map((a) => a.join(''));
const regexCount = (re: RegExp, s: string) => s.match(re)?.length ?? 0;

describe('detector scanners agree with the regexes they replace', () => {
  it('countQuotedTerms ≡ /“[^”“。，,；;！？\\n]{1,12}”/g', () => {
    const re = /“[^”“。，,；;！？\n]{1,12}”/g;
    fc.assert(fc.property(piecesAndRuns(['“', '”', '。', '，', '\n', 'a'], '字'), (s) => {
      expect(countQuotedTerms(s)).toBe(regexCount(re, s));
    }), { numRuns: 3000 });
  });

  it('countEnumerations ≡ /[一-十]是|[（(][一-十][）)]|[一-十]、/g', () => {
    const re = /[一二三四五六七八九十]是|[（(][一二三四五六七八九十][）)]|[一二三四五六七八九十]、/g;
    fc.assert(fc.property(textOf(['一', '十', '是', '、', '（', '）', '(', ')', '年']), (s) => {
      expect(countEnumerations(s)).toBe(regexCount(re, s));
    }), { numRuns: 3000 });
  });

  it('hasSessionOrdinal ≡ /人大.{0,8}次会议/', () => {
    const re = /人大.{0,8}次会议/;
    fc.assert(fc.property(piecesAndRuns(['人大', '次会议', '次', '会议', '\n', '\r', '\u2028'], '四'), (s) => {
      expect(hasSessionOrdinal(s)).toBe(re.test(s));
    }), { numRuns: 3000 });
  });

  it('hasLianghuiFolder ≡ /\\/lh\\d*\\//', () => {
    const re = /\/lh\d*\//;
    fc.assert(fc.property(textOf(['/', 'lh', 'l', 'h', '2', '0', 'x']), (s) => {
      expect(hasLianghuiFolder(s)).toBe(re.test(s));
    }), { numRuns: 3000 });
  });

  it('countWords and hasWord ≡ an alternation of the words, for words that never overlap one another', () => {
    const words = ['推进', '建设', '%', '增长'];
    const re = /推进|建设|%|增长/g;
    fc.assert(
      fc.property(textOf(['推', '进', '建', '设', '%', '增', '长', '。']), (s) => {
        expect(countWords(s, words)).toBe(regexCount(re, s));
        expect(hasWord(s, words)).toBe(regexCount(re, s) > 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('hostIn ≡ /(^|\\.)(gov\\.cn|people\\.com\\.cn)$/', () => {
    const re = /(^|\.)(gov\.cn|people\.com\.cn)$/;
    fc.assert(fc.property(textOf(['gov', '.', 'cn', 'people', 'com', 'x'], 8), (h) => {
      expect(hostIn(h, ['gov.cn', 'people.com.cn'])).toBe(re.test(h));
    }), { numRuns: 3000 });
  });

  it('splitUrl ≡ the URL regex it replaced', () => {
    const re = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]*)(?::\d+)?([^#]*)/i;
    const old = (url: string) => {
      const m = re.exec(url);
      return m ? { host: m[1].toLowerCase(), path: m[2] } : { host: '', path: '' };
    };
    for (const url of ['http://www.Huli.gov.cn/zwgk/a.html?x=1#top', 'https://bbs.fjsen.com:8080/t?x=1#h', 'http://host', 'http://host?q', 'http://host#f', 'about:blank', '', 'file:///tmp/a.html']) {
      expect(splitUrl(url), url).toEqual(old(url));
    }
  });
});
