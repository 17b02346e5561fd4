/**
 * The seed pages built by scripts/build-pages.ts (npm run pages), as tests see
 * them: the pages.json index, the HTML of a page, and the seed text it was
 * rendered from. Node-only (reads files); not for src/core.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAGES_DIR = join(REPO_ROOT, 'seeds', 'pages');

export interface PageEntry {
  /** "000".."004" for seed pages, "neg-…" for negatives, "bench-1mb". */
  id: string;
  file: string;
  url: string;
  host: string;
  /** Path plus query, as the server routes it. */
  path: string;
  seed: string | null;
  /** Repo-relative path of the source text (null for the bench page). */
  source: string | null;
  expect: 'report' | 'not-report';
  /** document.title */
  title: string;
  /** Selector of the element holding the article text. */
  bodySelector: string;
  bench?: boolean;
}

let cache: PageEntry[] | null = null;

/** All pages, in pages.json order (seeds, negatives, bench). */
export function loadPages(): PageEntry[] {
  cache ??= JSON.parse(readFileSync(join(PAGES_DIR, 'pages.json'), 'utf8')) as PageEntry[];
  return cache;
}

export function pageById(id: string): PageEntry {
  const p = loadPages().find((e) => e.id === id);
  if (!p) throw new Error(`no seed page with id ${id}`);
  return p;
}

export function readPageHtml(entry: PageEntry): string {
  return readFileSync(join(PAGES_DIR, entry.file), 'utf8');
}

/** The text the page was rendered from (seed text or negative source, front matter included). */
export function readSourceText(entry: PageEntry): string {
  if (!entry.source) throw new Error(`${entry.id} has no source text`);
  return readFileSync(join(REPO_ROOT, entry.source), 'utf8');
}
