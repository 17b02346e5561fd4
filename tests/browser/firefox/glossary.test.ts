// Firefox twin of ../glossary.test.ts: a term of each group of issue #11 explained on hover, in a Chinese
// and an English browser (English name and gloss first), and figures in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './harness';
import { hover } from './page-tools';
import { GLOSSARY_HTML, GLOSSARY_NAME, GLOSSARY_TERMS, GLOSSARY_URL } from '../glossary-page';

for (const lang of ['zh-CN', 'en-US']) {
  describe(`built-in glossary tooltips in Firefox, ${lang} (built add-on)`, () => {
    let h: FirefoxHarness;
    let page: Page;
    beforeAll(async () => {
      h = await launchFirefox({ lang });
      h.server.serve(GLOSSARY_URL, GLOSSARY_HTML);
      page = await h.openUrl(GLOSSARY_URL);
    });
    afterAll(async () => {
      await h?.close();
    });

    for (const [group, term, chinese] of GLOSSARY_TERMS) {
      it(`explains ${term} (${group})`, async () => {
        const tip = await hover(h, page, term);
        expect(tip).toMatch(chinese);
        if (lang === 'zh-CN') {
          // Chinese first, the English name after it.
          expect(tip).toContain('内置');
          expect(tip.indexOf('英文')).toBeGreaterThan(tip.search(chinese));
        } else {
          expect(tip).toContain('Built-in');
          const english = /[A-Za-z][A-Za-z ,'’()-]{6,}/.exec(tip.slice(tip.indexOf(term) + term.length));
          expect(english, tip).not.toBeNull();
          expect(tip.indexOf(english![0])).toBeLessThan(tip.search(chinese));
        }
      });
    }

    it('marks a programme name the report coins whole, and its card explains the known term inside it', async () => {
      const [name, inner, explanation] = GLOSSARY_NAME;
      const tip = await hover(h, page, name.slice(0, 4));
      expect(tip).toContain(name);
      const heading = lang === 'zh-CN' ? '名称中的已知术语' : 'Known terms inside this name';
      expect(tip).toContain(heading);
      expect(tip.slice(tip.indexOf(heading))).toContain(inner);
      expect(tip).toMatch(explanation);
    });

    it('writes figures in words for the reader’s language, a date as a date', async () => {
      expect(await hover(h, page, '翻了一番')).toContain(lang === 'zh-CN' ? '2倍' : '2 times');
      const date = await hover(h, page, '2010年');
      expect(date).not.toMatch(/thousand|千/);
    });
  });
}
