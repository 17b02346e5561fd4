/**
 * Named programmes written without quotes: 实施城市功能品质活力提升行动, 开展“技兴三湘”… is quoted (./coined),
 * but most provincial reports name their own action plans bare (优质企业成长计划, 医疗卫生强基工程,
 * 长江大保护三年行动). A reader meets such a name for the first time in that report, so it is marked as a coined
 * term for the reader to explain, unless a glossary entry covers it.
 *
 * The name is the object of a verb that launches or drives a programme (实施, 开展, 启动, 推出, 推行, 推进, 深化,
 * 升级) and ends in a programme word; the verb itself is not part of the name. A list of such names (实施A工程、B行动和
 * C计划) gives one name each. Objects that are not one name are left alone: a list ending in a kind (…等专项行动), a
 * clause (…的…), or an object that starts with a conjunction (开展和规范…).
 */
import { unquotedTerm, type CoinedTerm } from './coined';

/** What can stand in a name: Han characters, Latin letters and digits (5G, AI+), a middle dot and dashes. */
const NAME_CHAR = '[\\u4e00-\\u9fffA-Za-z0-9０-９+＋·—-]';
const FIRST_CHAR = '[\\u4e00-\\u9fffA-Za-z0-9０-９]';
const PROGRAMME_WORD = '(?:专项行动|行动计划|攻坚行动|行动|计划|工程)';
/** What may follow a name: anything but more of a word, or the next item of a list (…工程和…, …行动、…). */
const NAME_END = '(?=[和与及、]|[^\\u4e00-\\u9fff]|$)';
const PROGRAMME = new RegExp(`(?:实施|开展|启动|推出|推行|推进|深化|升级)(${FIRST_CHAR}${NAME_CHAR}{2,15}?${PROGRAMME_WORD})${NAME_END}`, 'g');
/** The next programme of a list the verb takes (实施A工程、B行动和C计划). */
const NEXT_PROGRAMME = new RegExp(`^[、和与及](${FIRST_CHAR}${NAME_CHAR}{2,15}?${PROGRAMME_WORD})${NAME_END}`);
/**
 * Not one name: a list (…等…), a clause inside (…的…), a conjunction, a count (65个专项行动) or another launching
 * verb at its start (推进开展…).
 */
const NOT_A_NAME = /等|的|以及|^(?:和|与|及|并|好|了|一批|一系列|若干|各类|多项|系列|开展|实施|启动|推进|深化|[\d一二三四五六七八九十两多]+个)/;

/**
 * The names after a matched one in a list the same verb takes (、B工程和C行动, 、紫金山实验室等): each item `next` finds
 * right at `end` (within `window` characters) and `isName` accepts is added to `out`. Returns where the list ends.
 */
function listAfter(text: string, end: number, next: RegExp, window: number, isName: (name: string) => boolean, out: CoinedTerm[]): number {
  for (let m = next.exec(text.slice(end, end + window)); m && isName(m[1]); m = next.exec(text.slice(end, end + window))) {
    out.push(unquotedTerm(end + 1, m[1])); // after the 、 or 和
    end += m[0].length;
  }
  return end;
}

/** Unquoted programme names in `text`, as coined terms (key = the name); each name of a list is one. */
export function findProgrammeNames(text: string): CoinedTerm[] {
  const out: CoinedTerm[] = [];
  const isName = (name: string) => !NOT_A_NAME.test(name);
  PROGRAMME.lastIndex = 0;
  for (let m = PROGRAMME.exec(text); m; m = PROGRAMME.exec(text)) {
    const name = m[1];
    if (!isName(name)) continue;
    const end = m.index + m[0].length;
    out.push(unquotedTerm(end - name.length, name));
    PROGRAMME.lastIndex = listAfter(text, end, NEXT_PROGRAMME, 40, isName, out);
  }
  return out;
}

/**
 * Named zones, platforms and institutions (建设全域旅游发展先行区, 规划建设贵州航空产业城, 。崂山实验室加快建设):
 * local names no glossary holds, marked as coined like programme names. The name ends in a word for a zone or an
 * institution and either follows a verb of building or seeking, or opens a clause whose verb says what happened
 * to it (加快, 获批, 建成 …). Clauses led by other verbs, counts of places and joined names are left alone.
 */
const PLACE_END = '(?:实验室|研究院|示范区|先行区|先导区|试验区|合作区|产业园|产业城|科学城|科学中心|创新中心|新区|高地|城市群|都市圈|经济带|创新带|科创带|发展带|走廊)';
/** After a place's name: as after a programme's, or 等 closing a list of places (苏州实验室、紫金山实验室等). */
const PLACE_NAME_END = '(?=[和与及、等]|[^\\u4e00-\\u9fff]|$)';
const PLACE = new RegExp(
  // After a verb of building or seeking, the name ends the phrase (建设全域旅游发展先行区，)…
  `(?:建设|建成|打造|创建|争创|获批|设立|组建|筹建|共建|推动|支持|高标准建设|高水平建设)(${FIRST_CHAR}${NAME_CHAR}{1,14}?${PLACE_END})(?:建设)?${PLACE_NAME_END}` +
    // …or the name opens a clause as its subject (。崂山实验室加快建设, ，国家省级水网先导区顺利建成).
    // The verb after it must say what happened to the place, or the clause may be led by some other verb.
    `|(?:^|[。；，：！？\\n])(${FIRST_CHAR}${NAME_CHAR}{1,14}?${PLACE_END})(?=加快|获批|顺利|率先|发布|正式|挂牌|落地|入选|成功|开工|建成|揭牌|启用|投用|投入|落户|开园|成立)`,
  'g',
);
/** The next place of a list the verb takes (支持苏州实验室、紫金山实验室等). */
const NEXT_PLACE = new RegExp(`^[、和与及](${FIRST_CHAR}${NAME_CHAR}{1,14}?${PLACE_END})(?:建设)?${PLACE_NAME_END}`);

/** Unquoted names of zones, platforms and institutions in `text`, as coined terms (key = the name). */
export function findPlaceNames(text: string): CoinedTerm[] {
  const out: CoinedTerm[] = [];
  const isPlace = (name: string) => !NOT_A_NAME.test(name) && !NOT_A_PLACE.test(name);
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(text); m; m = PLACE.exec(text)) {
    const name = m[1] ?? m[2];
    if (!isPlace(name)) {
      // A verb-led name may start inside the rejected one (，整市创建国家农业绿色发展先行区).
      PLACE.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index + m[0].lastIndexOf(name);
    out.push(unquotedTerm(start, name));
    // Only a verb takes a list; a subject is one place.
    if (m[1]) PLACE.lastIndex = Math.max(PLACE.lastIndex, listAfter(text, start + name.length, NEXT_PLACE, 30, isPlace, out));
  }
  return out;
}

/** Not one name: a verb or an aim at its start (加快建设…, 更高水平…), or two places joined (…区和…区). */
const NOT_A_PLACE = new RegExp(
  '^(?:建设|建成|打造|创建|争创|获批|设立|组建|筹建|共建|推动|推进|支持|加快|加强|完善|深化|出台|实施|全面|积极|大力|持续|高标准|高水平|更高|一流|好|成|若干|一批|多个|各类|各地|首批|首个|全国首个|新增|促进|提升|强化|国家级|省级|我省|我市|全省|全市|以|在|把|将|对|与|和|为|是)' +
    // a count inside (10个未来产业先导区) makes it a number of places, not one place
    '|[\\d一二三四五六七八九十两百千]+[个家所项批座]' +
    // a clause inside (整市创建国家…先行区, 洛阳加快建设…高地): the name is what follows the verb; two things
    // joined (…联盟和…发展带)
    '|创建|争创|打造|加快|推动|[和与及]',
);

/**
 * Named events a report holds or hosts (办好第九届中国—亚欧博览会, 承办夏季达沃斯论坛, 成功举办世界新能源汽车大会):
 * marked as coined like programme names. The name, with its edition (第九届), is the object of a verb of holding.
 */
const EVENT = new RegExp(
  `(?:举办|承办|主办|筹办|办好|举行)好?(${FIRST_CHAR}${NAME_CHAR}{2,20}?(?:博览会|交易会|展览会|洽谈会|论坛|大会|峰会|运动会|艺术节|文化节|旅游节|大赛))(?![\\u4e00-\\u9fff])`,
  'g',
);
/** Not one event: a count of events or editions (100多项…, 3届…), or a list (…等). */
const NOT_AN_EVENT = /^[\d一二三四五六七八九十两百多余]+(?:项|届|场|次|个)|^(?:各类|系列|一批|多场|多项)/;

/** Unquoted names of events in `text`, as coined terms (key = the name). */
export function findEventNames(text: string): CoinedTerm[] {
  const out: CoinedTerm[] = [];
  EVENT.lastIndex = 0;
  for (let m = EVENT.exec(text); m; m = EVENT.exec(text)) {
    const name = m[1];
    if (NOT_A_NAME.test(name) || NOT_AN_EVENT.test(name)) continue;
    out.push(unquotedTerm(m.index + m[0].length - name.length, name));
  }
  return out;
}
