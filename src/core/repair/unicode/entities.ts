/**
 * Literal HTML entities left in page text (&nbsp; &amp; &#x4e2d; ...), and
 * double-escaped ones (&amp;nbsp;). A compact table of the named entities that
 * actually occur in Chinese pages; anything else is left alone.
 */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', ideographicspace: '\u3000',
  middot: '·', bull: '•', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷',
  permil: '‰', yen: '¥', euro: '€', sect: '§', para: '¶', micro: 'µ',
  le: '≤', ge: '≥', ne: '≠', rarr: '→', larr: '←', uarr: '↑', darr: '↓',
  sup2: '²', sup3: '³', frac12: '½', frac14: '¼', frac34: '¾',
  zwj: '', zwnj: '', shy: '',
};

/** One entity, possibly preceded by extra "amp;" layers of escaping. */
export const ENTITY_RE = /&(?:amp;)*(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,15}));/g;

/** Decoded value of one entity match, or null when it is not one we know. */
export function decodeEntity(m: RegExpExecArray): string | null {
  const [, dec, hex, name] = m;
  if (name !== undefined) {
    const v = NAMED[name] ?? NAMED[name.toLowerCase()];
    return v === undefined ? null : v;
  }
  const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex, 16);
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  // Control characters other than tab/newline are not text.
  if ((cp < 0x20 && cp !== 9 && cp !== 10) || (cp >= 0x7f && cp < 0xa0)) return null;
  return String.fromCodePoint(cp);
}
