/**
 * Parses a report's own glossary (名词解释 / 注释 section, usually at the end of the page) into
 * entries with source 'report'. Handles the common layouts:
 *   term：explanation            “三个一”:一网统管、一屏统览、一键查询。
 *   1. term：explanation         （1）term：…   ①term：…   一、term：…
 *   【term】explanation           [term] explanation
 *   term：                       (explanation on the following line(s))
 *   term——explanation
 * Lines without a short head (footnotes such as "此为预估值,…") are skipped.
 */
import { SUFFIXES } from './coined';
import type { GlossaryEntry } from './types';

const HEADING = new RegExp(
  String.raw`^[ \t\u3000]*(?:附(?:件|录|錄)?\d*[:：.、]?[ \t\u3000]*)?[【\[]?` +
    String.raw`(?:名词解释|名詞解釋|名词注释|名詞註釋|名词说明|名詞說明|词语解释|詞語解釋|注释|註釋|注解|註解|注)` +
    String.raw`[】\]]?[ \t\u3000]*(?:[（(][^）)\n]{0,30}[）)])?[ \t\u3000]*[:：]?[ \t\u3000]*$`,
  'gm',
);

/** Page chrome that ends the section. */
const SECTION_END =
  /^[ \t\u3000]*(?:附件下载|附件：|扫一扫|掃一掃|相关解读|相关链接|相关新闻|相關新聞|责任编辑|責任編輯|【打印】|打印本页|关闭窗口|關閉窗口|分享到|上一篇|下一篇|来源：|版权所有|版權所有|（完）)/m;

const MAX_SECTION = 40_000;
const MAX_HEAD = 24;

const NUMBERING =
  /^(?:\d{1,3}[.．、)）](?!\d)|[（(]\d{1,3}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、|\[\d{1,3}\]|注\d{0,3}[:：])\s*/;
const QUOTES = /[“”"「」『』‘’'＂]/g;
const QUOTED_SEGMENT = /[“"「『]([^“”"「」『』]{1,20})[”"」』]/g;
/** Characters a head (the term part) may not contain: it would be a sentence, not a term. */
const BAD_HEAD = /[，。；;,！？!?]/;
/** An enumeration comma is fine in a short coined head (“两优惠、三补贴”), not in a long one. */
const MAX_ENUM_HEAD = 16;

function cleanHead(head: string): string {
  return head.replace(QUOTES, '').replace(/\s+/g, '').trim();
}

function quotedSegments(head: string): string[] {
  const out: string[] = [];
  QUOTED_SEGMENT.lastIndex = 0;
  for (let m = QUOTED_SEGMENT.exec(head); m; m = QUOTED_SEGMENT.exec(head)) out.push(m[1].trim());
  return out;
}

function makeEntry(rawHead: string, definition: string): GlossaryEntry | null {
  const head = rawHead.trim();
  const term = cleanHead(head);
  const def = definition.trim().replace(/^[:：\s]+/, '');
  if (!term || !def || term.length > MAX_HEAD || BAD_HEAD.test(head)) return null;
  if (head.includes('、') && term.length > MAX_ENUM_HEAD) return null;
  if (/^[\d.%]+$/.test(term)) return null;
  const variants = quotedSegments(head).filter((v) => v && v !== term);
  // "1+1行动" is written “1+1”行动 in the body: also match the name without its suffix.
  const suffix = SUFFIXES.find((s) => term.endsWith(s) && term.length - s.length >= 2);
  if (suffix) variants.push(term.slice(0, -suffix.length));
  const entry: GlossaryEntry = { term, definition: def, source: 'report' };
  if (variants.length) entry.variants = [...new Set(variants)];
  return entry;
}

/** Splits one logical line into head/definition, or null if it has no term head. */
function splitLine(line: string): [string, string] | null {
  const bracket = /^[【\[]([^】\]]{1,30})[】\]][:：]?\s*(.+)$/.exec(line);
  if (bracket) return [bracket[1], bracket[2]];
  const colon = line.search(/[:：]|——/);
  if (colon <= 0) return null;
  const sepLen = line.startsWith('——', colon) ? 2 : 1;
  return [line.slice(0, colon), line.slice(colon + sepLen)];
}

/**
 * "“即时办”:…;“保证办”:…" packs two entries on one line: split the definition at a semicolon
 * followed by a quoted head and a colon.
 */
function splitPacked(head: string, def: string): [string, string][] {
  const parts: [string, string][] = [];
  const re = /[;；]\s*([“"「][^“”"「」]{1,12}[”"」])[:：]/g;
  let currentHead = head;
  let from = 0;
  for (let m = re.exec(def); m; m = re.exec(def)) {
    parts.push([currentHead, def.slice(from, m.index)]);
    currentHead = m[1];
    from = m.index + m[0].length;
  }
  parts.push([currentHead, def.slice(from)]);
  return parts;
}

/** Finds the glossary section: after the last 名词解释-style heading line, up to page chrome. */
export function findGlossarySection(text: string): { start: number; end: number } | null {
  let start = -1;
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m; m = HEADING.exec(text)) start = m.index + m[0].length;
  if (start < 0) return null;
  const rest = text.slice(start, start + MAX_SECTION);
  const endMatch = SECTION_END.exec(rest);
  return { start, end: start + (endMatch ? endMatch.index : rest.length) };
}

/** A line that opens another entry rather than continuing the current explanation. */
function startsNewEntry(line: string): boolean {
  if (/^[【\[]/.test(line) || /^.{1,30}?[:：]$/.test(line)) return true;
  const split = splitLine(line);
  return split !== null && split[0].length <= 12 && makeEntry(split[0], split[1]) !== null;
}

export function parseReportGlossary(text: string): GlossaryEntry[] {
  const section = findGlossarySection(text);
  if (!section) return [];
  const lines = text
    .slice(section.start, section.end)
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));

  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  const push = (head: string, def: string) => {
    for (const [h, d] of splitPacked(head, def)) {
      const entry = makeEntry(h, d);
      if (entry && !seen.has(entry.term)) {
        seen.add(entry.term);
        entries.push(entry);
      }
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(NUMBERING, '');
    if (!line) continue;
    // "term：" alone, or "【term】" alone: the explanation follows on the next non-empty lines,
    // up to a blank line or the next head.
    const lone = /^(?:[【\[]([^】\]]{1,30})[】\]]|(.{1,30}?)[:：])$/.exec(line);
    if (lone) {
      const head = lone[1] ?? lone[2];
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !lines[j]) j++;
      for (; j < lines.length && lines[j]; j++) {
        const next = lines[j].replace(NUMBERING, '');
        if (body.length && startsNewEntry(next)) break;
        body.push(next);
      }
      if (body.length) {
        push(head, body.join(''));
        i = j - 1;
      }
      continue;
    }
    const split = splitLine(line);
    if (split) push(split[0], split[1]);
  }
  return entries;
}
