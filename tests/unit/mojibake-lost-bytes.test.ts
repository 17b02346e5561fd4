import { describe, expect, it } from 'vitest';
import { repair } from '../../src/core/repair';
import { goldMatched } from '../support/align';

/**
 * Mojibake as it reaches real pages: UTF-8 shown as GBK or as Windows-1252,
 * with bytes lost on the way (a byte GBK cannot pair, a dropped byte, a no-break
 * space shown as a space, C1 controls and soft hyphens the page dropped, GBK
 * private-use characters a font could not show). Every character away from a
 * hole must come back; a character that lost a byte is shown as unknown, and
 * a guess for it is only ever a suggestion.
 */
const SENTENCES = [
  '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念',
  '国内生产总值增长5.2%，城镇新增就业1244万人',
  '居民消费价格上涨0.2%，粮食产量创历史新高',
  '深入实施创新驱动发展战略，加快建设科技强国',
  '扎实推进乡村全面振兴，巩固拓展脱贫攻坚成果',
  '我从乡下跑到京城里，一转眼已经六年了',
  '这是民国六年的冬天，大北风刮得正猛',
  '数学是利用符号语言研究数量、结构、变化以及空间等概念的一门学科',
  '浏览器会向服务器发送请求，服务器返回网页的内容',
  '字符串是比很多程序员所想像的要更为复杂的数据结构',
  '孟子见梁惠王，王曰：叟不远千里而来，亦将有以利吾国乎',
  '学而时习之，不亦说乎？有朋自远方来，不亦乐乎',
  '今年的沙雕节，主题是海上音乐城，五十多座沙雕组成了一把吉他',
  '广东省教育厅发布紧急通知，要求各地各校尽量减少大型聚集性活动',
  '房产价格上涨速度越快，被挡在楼市之外的低收入群体就越多',
  '加强生态环境保护，推动绿色低碳发展，持续改善空气质量',
  '完善社会保障体系，提高基本养老金和城乡低保标准',
  '推进高水平对外开放，稳住外贸外资基本盘',
  '文化是一个国家、一个民族的灵魂',
  '健全风险防控机制，守住不发生系统性风险的底线',
  '优化营商环境，激发各类经营主体活力',
  '实施城市更新行动，加快建设宜居韧性智慧城市',
  '中外合作办学项目办学水平参差不齐，考生选择前一定要慎重',
  '老旦终于出台了，大家也都很扫兴，才知道他们的意见是和我一致的',
];

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const gbk = new TextDecoder('gbk');
const cp1252 = new TextDecoder('windows-1252');

/** Index of the source character each UTF-8 byte of `s` belongs to. */
function byteOwners(s: string): number[] {
  const owners: number[] = [];
  let i = 0;
  for (const ch of s) {
    for (let k = 0; k < new TextEncoder().encode(ch).length; k++) owners.push(i);
    i += ch.length;
  }
  return owners;
}

/**
 * GBK decoding (WHATWG gb18030, as TextDecoder does it) that also says which
 * input bytes each output character came from, so lost bytes are known exactly.
 * Returns null when this emulation disagrees with TextDecoder (the case is skipped).
 */
function gbkWithSpans(bytes: number[]): { text: string; spans: [number, number][] } | null {
  let text = '';
  const spans: [number, number][] = [];
  const one = (from: number, to: number) => gbk.decode(new Uint8Array(bytes.slice(from, to)));
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const t = bytes[i + 1];
    let ch: string;
    let n = 1;
    if (b < 0x80) ch = String.fromCharCode(b);
    else if (b === 0x80) ch = '\u20ac';
    else if (b === 0xff || t === undefined) ch = '\ufffd';
    else if (t >= 0x30 && t <= 0x39) {
      ch = one(i, i + 4);
      n = 4;
      if ([...ch].length !== 1 || ch === '\ufffd') return null;
    } else {
      const pair = one(i, i + 2);
      if ([...pair].length === 1 && pair !== '\ufffd') [ch, n] = [pair, 2];
      else [ch, n] = ['\ufffd', t < 0x80 ? 1 : 2];
    }
    text += ch;
    spans.push([i, i + n]);
    i += n;
  }
  return text === gbk.decode(new Uint8Array(bytes)) ? { text, spans } : null;
}

interface Case {
  name: string;
  original: string;
  mojibake: string;
  /** Source characters that lost a byte. */
  damaged: Set<number>;
}

/** Windows-1252 mojibake with the bytes a page loses: C1 controls and soft hyphens dropped, no-break spaces shown as spaces. */
function cp1252Case(s: string, dropAt?: number): Case {
  const bytes = utf8(s);
  const owners = byteOwners(s);
  const damaged = new Set<number>();
  let kept = bytes;
  if (dropAt !== undefined) {
    damaged.add(owners[dropAt]);
    kept = bytes.filter((_, i) => i !== dropAt);
  }
  let mojibake = '';
  const keptOwners = owners.filter((_, i) => i !== dropAt);
  kept.forEach((b, i) => {
    const ch = cp1252.decode(new Uint8Array([b]));
    if (/[\u0081\u008d\u008f\u0090\u009d\u00ad]/.test(ch)) damaged.add(keptOwners[i]); // dropped by the page
    else mojibake += ch === '\u00a0' ? ' ' : ch; // NBSP shown as a space: no byte lost
  });
  return { name: `${dropAt === undefined ? 'C1/soft hyphen dropped, NBSP as space' : `byte ${dropAt} dropped`} (Windows-1252)`, original: s, mojibake, damaged };
}

/** GBK mojibake: bytes GBK cannot pair become U+FFFD; optionally a byte dropped first, or private-use characters removed. */
function gbkCase(s: string, dropAt?: number, dropPrivateUse = false): Case | null {
  const bytes = utf8(s);
  const owners = byteOwners(s).filter((_, i) => i !== dropAt);
  const kept = bytes.filter((_, i) => i !== dropAt);
  const decoded = gbkWithSpans(kept);
  if (!decoded) return null;
  const damaged = new Set<number>();
  if (dropAt !== undefined) damaged.add(byteOwners(s)[dropAt]);
  let mojibake = '';
  [...decoded.text].forEach((ch, k) => {
    const [from, to] = decoded.spans[k];
    const privateUse = ch >= '\ue000' && ch <= '\uf8ff';
    if (ch === '\ufffd' || (dropPrivateUse && privateUse)) for (let i = from; i < to; i++) damaged.add(owners[i]);
    if (!(dropPrivateUse && privateUse)) mojibake += ch;
  });
  const name = dropAt !== undefined ? `byte ${dropAt} dropped (GBK)` : dropPrivateUse ? 'private-use characters dropped (GBK)' : 'unpaired bytes (GBK)';
  return { name, original: s, mojibake, damaged };
}

function cases(): Case[] {
  const out: Case[] = [];
  SENTENCES.forEach((s, n) => {
    const len = utf8(s).length;
    // A byte in the middle of a character, at a different place for each sentence.
    const drop = 3 * (4 + (n % 5)) + 1 + (n % 2);
    const w = cp1252Case(s);
    if (w.damaged.size) out.push(w);
    out.push(cp1252Case(s, Math.min(drop, len - 4)));
    const g = gbkCase(s);
    if (g && g.damaged.size) out.push(g);
    const gd = gbkCase(s, Math.min(drop + 3, len - 4));
    if (gd) out.push(gd);
    const pu = gbkCase(s, undefined, true);
    if (pu && pu.mojibake !== g?.mojibake && pu.damaged.size) out.push(pu);
  });
  return out;
}

const ALL = cases();

describe('mojibake with lost bytes', () => {
  it('has at least 30 cases made each way, every one with a lost byte', () => {
    expect(ALL.filter((c) => c.name.includes('GBK')).length).toBeGreaterThanOrEqual(30);
    expect(ALL.filter((c) => c.name.includes('Windows-1252')).length).toBeGreaterThanOrEqual(30);
    for (const c of ALL) expect(c.damaged.size, c.name).toBeGreaterThan(0);
  });

  for (const c of ALL) {
    it(`${c.name}: ${c.original.slice(0, 12)}… every character away from a hole is restored, lost ones marked unknown`, () => {
      const r = repair(c.mojibake);
      const restored = goldMatched(r.text, c.original);
      const chars = [...c.original];
      let pos = 0;
      const near = (i: number) => c.damaged.has(i) || c.damaged.has(i - 1) || c.damaged.has(i + 1);
      const missing: string[] = [];
      chars.forEach((ch, k) => {
        const at = pos;
        pos += ch.length;
        // Neighbours of a hole may share its bytes; everything else must be back.
        if (!near(k) && !restored[at]) missing.push(`${k}:${ch}`);
      });
      expect(missing, `${c.mojibake} → ${r.text}`).toEqual([]);
      // A lost character is never filled in by an applied repair: it shows as unknown…
      expect(r.text).toContain('\ufffd');
      for (const ch of r.changes) expect(ch.confidence).toBeGreaterThanOrEqual(0.5);
      // …and its guess, where one fits, is a suggestion over the unknown mark.
      for (const sg of r.suggestions) {
        expect(sg.kind).toBe('mojibake');
        expect(sg.confidence).toBeLessThan(0.5);
        expect(sg.before).toContain('\ufffd');
      }
    });
  }

  it('most lost characters come with a guess, always as a suggestion the reader may accept', () => {
    let guesses = 0;
    let right = 0;
    for (const c of ALL) {
      const r = repair(c.mojibake);
      for (const sg of r.suggestions) {
        guesses++;
        const accepted = r.text.slice(0, sg.start) + sg.after + r.text.slice(sg.end);
        if (goldMatched(accepted, c.original).filter(Boolean).length > goldMatched(r.text, c.original).filter(Boolean).length) right++;
      }
    }
    expect(guesses).toBeGreaterThanOrEqual(ALL.length / 2);
    expect(right).toBeGreaterThan(guesses / 2);
  });

  it('a no-break space shown as a plain space loses nothing: the run comes back whole', () => {
    // 你 is E4 BD A0: Windows-1252 shows its last byte as a no-break space, which pages often turn into a space.
    for (const t of ['你们好，欢迎你来', '请你参加会议']) {
      const moj = cp1252.decode(new Uint8Array(utf8(t))).replace(/\u00a0/g, ' ');
      expect(moj).toContain(' ');
      expect(repair(moj).text).toBe(t);
    }
  });

  it('entities inside mojibake are decoded with it, or not at all', () => {
    const asCp1252 = (s: string) => cp1252.decode(new Uint8Array(utf8(s)));
    // μ is CE BC; byte BC shows as ¼, which a page may carry as the entity &frac14;.
    expect(repair('10\u00ce&frac14;s').text).toBe('10\u00ce&frac14;s'); // no other mojibake: neither is touched
    expect(repair(`${asCp1252('测量时间')}：10\u00ce&frac14;s`).text).toBe('测量时间：10μs');
    // 年 is E5 B9 B4: the last byte (´) written as &acute;.
    expect(repair('2024\u00e5\u00b9&acute;').text).toBe('2024年');
    expect(repair('caf\u00e9&nbsp;cr\u00e8me').text).toBe('caf\u00e9\u00a0cr\u00e8me'); // Latin text: the entity alone
  });

  it('the Traditional stage does not convert mojibake that is still undecoded', () => {
    // 闈㈢ and 鍔ㄧ are what is left of 面的 and 动的 cut short: too little to repair. Converted
    // as Traditional they would become 闱㈢ and 锷ㄧ, which no longer re-encode to those bytes.
    for (const moj of ['闈㈢', '鍔ㄧ']) {
      expect(repair(`這是繁體文字，這裡也是繁體。${moj}`).text).toBe(`这是繁体文字，这里也是繁体。${moj}`);
    }
    // Mojibake that can be decoded is, around the hole; the Traditional around it is converted.
    expect(repair('這是繁體文字，這裡也是繁體。涓嬮潰鐨').text).toBe('这是繁体文字，这里也是繁体。下面\ufffd');
    expect(repair('這是繁體文字：聚力擴內需穩增長').text).toBe('这是繁体文字：聚力扩内需稳增长');
  });
});
