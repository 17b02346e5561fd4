import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/ui/i18n', () => ({ t: (key: string) => key, isZh: () => true }));

import * as repo from '../../src/storage/repo';
import { StorageError } from '../../src/storage/errors';
import { toBackgroundReliably, isTransportFailure } from '../../src/shared/messaging';
import { pageUuid } from '../../src/page/annotator';
import { freshDbFactory } from '../support/fresh-db';

const freshDb = freshDbFactory('govlens-reliable');
const URL1 = 'http://www.huli.gov.cn/zwgk/2025.html';
const input = (id: string, exact = '现在我代表区人民政府') => ({
  id,
  reportId: 'r1',
  url: URL1,
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
  note: '笔记',
});

describe('a save retried after a lost reply is kept once', () => {
  it('answers a repeated add (same id, same quote) with the first record, and refuses a clash', async () => {
    const db = freshDb();
    const id = pageUuid();
    const first = await repo.addAnnotation(input(id), db);
    const again = await repo.addAnnotation(input(id), db);
    expect(again).toEqual(first);
    expect(await db.annotations.count()).toBe(1);
    await expect(repo.addAnnotation(input(id, '另一句话'), db)).rejects.toThrow(/is taken/);
    expect(await db.annotations.count()).toBe(1);
  });

  it('makes v4 UUIDs without crypto.randomUUID (plain-http pages have none)', () => {
    const ids = new Set(Array.from({ length: 1000 }, pageUuid));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('writes nothing and says the disk is full when IndexedDB runs out of space', async () => {
    const db = freshDb();
    db.annotations.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await repo.addAnnotation(input(pageUuid()), db).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.code).toBe('quota');
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('a report with many notes is listed in pages', () => {
  it('pages that together are the whole list, in order, equal creation times included', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 1234 }, (_, i) => ({ ...input(`id-${String(i).padStart(5, '0')}`), reportId: 'r1' }));
    for (const r of rows) await repo.addAnnotation(r, db);
    // Same millisecond for a run of them, as a bulk import can write.
    await db.annotations.where('id').between('id-00100', 'id-00400').modify({ createdAt: 42 });
    const all = await repo.listAnnotations('r1', db);
    const paged: typeof all = [];
    for (;;) {
      const last = paged[paged.length - 1];
      const page = await repo.listAnnotations('r1', db, { limit: 100, ...(last ? { after: { createdAt: last.createdAt, id: last.id } } : {}) });
      paged.push(...page);
      if (page.length < 100) break;
    }
    expect(paged.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(new Set(paged.map((a) => a.id)).size).toBe(1234);
  });
});

describe('toBackgroundReliably', () => {
  // extensionApi() keeps the first API object it finds: give it one, and swap its sendMessage per test.
  const runtime: { id: string; sendMessage?: unknown } = { id: 'x' };
  (globalThis as unknown as { chrome: unknown }).chrome = { runtime };
  afterEach(() => {
    delete runtime.sendMessage;
  });

  it('retries when the worker went away before answering, and only then', async () => {
    vi.useFakeTimers();
    const sendMessage = vi
      .fn()
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, value: { id: 'saved' } });
    runtime.sendMessage = sendMessage;
    const done = toBackgroundReliably('annotation:add', input('a') as never);
    await vi.runAllTimersAsync();
    expect(await done).toEqual({ id: 'saved' });
    expect(sendMessage).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });

  it('does not retry a refusal (full disk, invalid data): the reader is told at once', async () => {
    const sendMessage = vi.fn().mockResolvedValue({ ok: false, error: 'The browser has no more storage space', code: 'quota' });
    runtime.sendMessage = sendMessage;
    const err = await toBackgroundReliably('annotation:add', input('a') as never).catch((e) => e);
    expect(err.code).toBe('quota');
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(isTransportFailure(new Error('Extension context invalidated.'))).toBe(false);
  });
});
