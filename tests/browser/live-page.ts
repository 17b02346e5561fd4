// In-page steps of the live-page tests (Chromium: repair.test.ts, Firefox: firefox/basics.test.ts), passed to
// page.evaluate: each runs in the page, so it uses nothing from outside its own body.

/** A live clock at the top of the page, as news pages have: its text changes every 50 ms, so the page never goes quiet. */
export function startClock(): void {
  const clock = document.createElement('div');
  clock.id = 'clock';
  document.body.prepend(clock);
  let tick = 0;
  setInterval(() => {
    tick++;
    clock.textContent = `更新时间：2026年12月7日 14:52:${String(tick % 60).padStart(2, '0')}`;
  }, 50);
}

/** The date the clock shows, whatever the second. */
export const CLOCK_DATE = '2026年12月7日';

/** Adds a sentence of seed 004 as the spinner wrote it, as `p#late`, after the page's last long paragraph. */
export function addSpunParagraph(): void {
  const p = document.createElement('p');
  p.id = 'late';
  p.textContent = '思明区间断四年留任全省都市展开“十劣”区首位,以真干真效书写高量质展开答卷。';
  [...document.querySelectorAll('p')].filter((x) => (x.textContent ?? '').length > 40).pop()!.after(p);
}

/** What GovLens makes of that sentence's first clause. */
export const SPUN_REPAIRED = '连续四年蝉联全省城市发展“十优”区首位';
