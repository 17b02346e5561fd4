import type { PageSample } from './types';

/** How much body text the detector looks at: enough for densities, cheap to scan. */
export const SAMPLE_CHARS = 3000;

const META_LINE = /^[•\-*·\s]*[\u4e00-\u9fff ]{2,8}[:：]\S/;
const SENTENCE_PUNCT = /[。；;，,！!？?]/;

function isHeadingLike(line: string): boolean {
  return line.length <= 40 && !SENTENCE_PUNCT.test(line) && !/[:：]$/.test(line);
}

/**
 * A PageSample from plain text (the CLI's input): the title is the first line
 * that is not a "key: value" metadata line, headings are the short
 * unpunctuated lines near the top, the text is the first SAMPLE_CHARS chars.
 */
export function sampleFromText(text: string, url = '', title?: string): PageSample {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const headings: string[] = [];
  for (const line of lines.slice(0, 200)) {
    if (headings.length >= 12) break;
    if (!META_LINE.test(line) && isHeadingLike(line)) headings.push(line);
  }
  const firstTitle = lines.find((l) => !META_LINE.test(l)) ?? '';
  return {
    url,
    title: title ?? (isHeadingLike(firstTitle) ? firstTitle : firstTitle.slice(0, 40)),
    headings,
    text: lines.join('\n').slice(0, SAMPLE_CHARS),
  };
}
