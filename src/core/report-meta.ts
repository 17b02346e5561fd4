/**
 * Region and year of a report from its title and opening text, for grouping
 * saved work and matching a later report to earlier pledges.
 */
const REGION = /((?:[\u4e00-\u9fa5]{2,7}?(?:省|自治区|市|州|盟))?[\u4e00-\u9fa5]{1,6}?(?:区|县|市|旗|省|自治区))(?:人民政府|政府|第[一二三四五六七八九十]+届|人民代表大会|发展和改革局|\d{4}年)/;
const YEAR = /(20\d{2})年/;

export function reportRegion(title: string, text: string): string {
  for (const raw of [title, text.slice(0, 600)]) {
    // Years (2025年) would otherwise be read as the start of a place name.
    const s = raw.replace(/\d{1,4}[年月日]/g, ' ');
    const m = REGION.exec(s);
    // "…日在泉州市鲤城区…": a preposition can be caught at the front of the name.
    if (m) return m[1].replace(/^[在于的]/, '');
  }
  return '';
}

/** The report's own year: a 20xx年 in the title, else the first one in the opening text. */
export function reportYear(title: string, text: string): number | null {
  const m = YEAR.exec(title) ?? YEAR.exec(text.slice(0, 400));
  return m ? Number(m[1]) : null;
}
