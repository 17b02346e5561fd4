/**
 * Named programmes written without quotes: 实施城市功能品质活力提升行动, 开展“技兴三湘”… is quoted (./coined),
 * but most provincial reports name their own action plans bare (优质企业成长计划, 医疗卫生强基工程,
 * 长江大保护三年行动). A reader meets such a name for the first time in that report, so it is marked as a coined
 * term for the reader to explain, unless a glossary entry covers it.
 *
 * The name is the object of a verb that launches or drives a programme (实施, 开展, 启动, 推出, 推行, 推进, 深化,
 * 升级) and ends in a programme word; the verb itself is not part of the name. Objects that are not one name are left alone: a
 * list (…等专项行动), a clause (…的…), or an object that starts with a conjunction (开展和规范…).
 */
import type { CoinedTerm } from './coined';

/** What can stand in a name: Han characters, Latin letters and digits (5G, AI+), a middle dot and dashes. */
const NAME_CHAR = '[\\u4e00-\\u9fffA-Za-z0-9０-９+＋·—-]';
const FIRST_CHAR = '[\\u4e00-\\u9fffA-Za-z0-9０-９]';
const PROGRAMME = new RegExp(
  `(?:实施|开展|启动|推出|推行|推进|深化|升级)(${FIRST_CHAR}${NAME_CHAR}{2,15}?(?:专项行动|行动计划|攻坚行动|行动|计划|工程))(?![\\u4e00-\\u9fff])`,
  'g',
);
/**
 * Not one name: a list (…等…, two names joined by 和), a clause inside (…的…), a conjunction, a count (65个专项行动)
 * or another launching verb at its start (推进开展…).
 */
const NOT_A_NAME = /等|的|以及|(?:行动|计划|工程)[和与及、]|^(?:和|与|及|并|好|了|一批|一系列|若干|各类|多项|系列|开展|实施|启动|推进|深化|[\d一二三四五六七八九十两多]+个)/;

/** Unquoted programme names in `text`, as coined terms (key = the name). */
export function findProgrammeNames(text: string): CoinedTerm[] {
  const out: CoinedTerm[] = [];
  PROGRAMME.lastIndex = 0;
  for (let m = PROGRAMME.exec(text); m; m = PROGRAMME.exec(text)) {
    const name = m[1];
    if (NOT_A_NAME.test(name)) continue;
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length, key: name, innerStart: start, innerEnd: start + name.length });
  }
  return out;
}
