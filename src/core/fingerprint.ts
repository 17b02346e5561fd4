/**
 * Report identity across mirrors. The same work report is republished on many sites with
 * different navigation, headers, footers, punctuation and whitespace; the sequence of Han
 * characters in the body is what they share. We take 5-character shingles of the Han
 * characters only and keep a bottom-k MinHash sketch: the k smallest shingle hashes.
 * Jaccard similarity of two shingle sets is estimated from their sketches.
 */

const SHINGLE = 5;
const SKETCH_SIZE = 128;
const HAN = /\p{Script=Han}/u;

function hashShingle(chars: string[], at: number): number {
  // FNV-1a over the code points, then a murmur3 finaliser to spread the bits.
  let h = 0x811c9dc5;
  for (let i = at; i < at + SHINGLE; i++) {
    h ^= chars[i].codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function sketch(text: string): number[] {
  const han: string[] = [];
  for (const ch of text) if (HAN.test(ch)) han.push(ch);
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE <= han.length; i++) hashes.add(hashShingle(han, i));
  return [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/** A compact (≤ 1 KB) fingerprint of the report body: hex bottom-k hashes joined together. */
export function fingerprint(text: string): string {
  return sketch(text)
    .map((h) => h.toString(16).padStart(8, '0'))
    .join('');
}

function decode(fp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 8 <= fp.length; i += 8) out.push(parseInt(fp.slice(i, i + 8), 16));
  return out;
}

/**
 * Estimated Jaccard similarity 0..1 of the two texts' Han 5-shingle sets, from fingerprints.
 * Empty fingerprints (texts without Han characters) are similar to nothing.
 */
export function similarity(a: string, b: string): number {
  const x = decode(a);
  const y = decode(b);
  if (x.length === 0 || y.length === 0) return 0;
  // Bottom-k of the union, then count how many of those are in both sketches.
  const k = Math.min(SKETCH_SIZE, Math.max(x.length, y.length));
  const ys = new Set(y);
  const xs = new Set(x);
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < k && (i < x.length || j < y.length)) {
    let h: number;
    if (j >= y.length || (i < x.length && x[i] <= y[j])) h = x[i];
    else h = y[j];
    while (i < x.length && x[i] === h) i++;
    while (j < y.length && y[j] === h) j++;
    if (xs.has(h) && ys.has(h)) shared++;
    taken++;
  }
  return taken === 0 ? 0 : shared / taken;
}

/** Tracking parameters that never change which document a URL points to. */
const TRACKING = /^(utm_.*|spm|from|fbclid|gclid|share_token|isappinstalled|scene|clicktime|enterid)$/i;
/** Directory index files: /a/index.html and /a/ are the same page. */
const INDEX_FILE = /\/(index|default)\.s?html?$/i;

/**
 * The URL used to recognise a page we saw before: no fragment, no tracking parameters,
 * no trailing index file, lower-case host, remaining parameters in a stable order.
 * Returns the input trimmed if it is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  u.hash = '';
  // forEach, not [...entries()]: in Firefox's content-script world URLSearchParams
  // comes through an Xray wrapper whose iterator the script's spread cannot use.
  const kept: [string, string][] = [];
  u.searchParams.forEach((v, k) => {
    if (!TRACKING.test(k)) kept.push([k, v]);
  });
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  u.pathname = u.pathname.replace(INDEX_FILE, '/');
  return u.toString();
}
