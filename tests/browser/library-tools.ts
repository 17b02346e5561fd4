/**
 * Large libraries for browser tests and the bench: annotations made from a page's own text
 * (so they anchor), written straight into the extension's IndexedDB from one of its pages.
 */
import type { Page } from 'playwright-core';
import { describe as describeRange } from '../../src/core/anchoring';
import type { AnnotationRecord } from '../../src/storage/types';
import type { Harness } from './harness';

/** The text GovLens reads on `page` (its engine's canonical text), from GovLens's content-script world. */
export async function engineText(h: Harness, page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => void contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${h.extensionId}`);
  if (!ctx) throw new Error('no GovLens content-script world');
  const r = await cdp.send('Runtime.evaluate', { expression: 'window.__govlensEngine.page.text', contextId: ctx.id, returnByValue: true });
  await cdp.detach();
  return r.result.value as string;
}

async function inExtension<T, A>(h: Harness, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/popup.html?tab=-1`);
  const out = await page.evaluate(fn as (a: unknown) => Promise<T>, arg as unknown);
  await page.close();
  return out as T;
}

/** The stored report a page address belongs to. */
export function reportIdOf(h: Harness, url: string): Promise<string> {
  return inExtension(
    h,
    (u: string) =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const r = req.result.transaction('reports').objectStore('reports').index('urls').get(u);
          r.onsuccess = () => (r.result ? resolve(r.result.id) : reject(new Error(`no report for ${u}`)));
        };
      }),
    url,
  );
}

/** Writes records into the extension's database in one transaction. */
export function putAnnotations(h: Harness, rows: AnnotationRecord[]): Promise<void> {
  return inExtension(
    h,
    (rows: AnnotationRecord[]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('govlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('annotations', 'readwrite');
          const store = tx.objectStore('annotations');
          for (const r of rows) store.put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** `n` highlights spread over `text`, each with a note holding `term` and its number. */
export function manyAnnotations(text: string, reportId: string, url: string, n: number, term: string): AnnotationRecord[] {
  const rows: AnnotationRecord[] = [];
  const t0 = Date.UTC(2025, 2, 1);
  for (let i = 0; i < n; i++) {
    const len = 6 + (i % 15);
    const start = Math.floor((i / n) * (text.length - len - 1));
    const { quote, position } = describeRange(text, start, start + len);
    rows.push({
      id: `bulk-${String(i).padStart(6, '0')}`,
      reportId,
      url,
      quote,
      position,
      exact: quote.exact,
      note: `${term} 第${i}条`,
      tags: i % 3 ? ['大库'] : [],
      color: 'yellow',
      createdAt: t0 + i,
      updatedAt: t0 + i,
      orphan: false,
      origin: 'user',
    });
  }
  return rows;
}
