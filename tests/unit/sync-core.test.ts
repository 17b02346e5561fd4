import { describe, expect, it } from 'vitest';
import type { SyncDoc } from '../../src/storage/types';
import { merge, KEPT_BOTH } from '../../src/sync/merge';
import { localDoc, stampKey } from '../../src/sync/doc';
import { decryptText, deriveKeys, derivedFileId, encryptText, newEncryptionParams } from '../../src/sync/crypto';
import { fromFileText, INLINE_CONTEXT, toFileObject, toFileText } from '../../src/sync/format';
import { checkServerUrl } from '../../src/shared/server-url';

const ann = (fields: Record<string, unknown>, stamps: Record<string, [number, string, string?]>, revs: string[], extra: Partial<SyncDoc> = {}): SyncDoc => ({
  kind: 'annotations',
  id: 'n1',
  fields,
  stamps: Object.fromEntries(Object.entries(stamps).map(([f, [t, d, p]]) => [f, { t, d, ...(p ? { p } : {}) }])),
  created: 1,
  modified: Math.max(...Object.values(stamps).map(([t]) => t)),
  device: 'x',
  revs,
  ...extra,
});

const BS: Record<string, [number, string, string?]> = { note: [10, 'A'], color: [10, 'A'], tags: [10, 'A'] };

describe('merge', () => {
  const base = ann({ note: 'base', color: 'yellow', tags: ['a', 'b'] }, { note: [10, 'A'], color: [10, 'A'], tags: [10, 'A'] }, ['r1']);

  it('takes each side’s change to different fields', () => {
    const local = ann({ note: 'mine', color: 'yellow', tags: ['a', 'b'] }, { note: [20, 'B', '10.A'], color: [10, 'A'], tags: [10, 'A'] }, ['r1']);
    const remote = ann({ note: 'base', color: 'green', tags: ['a', 'b'] }, { note: [10, 'A'], color: [15, 'A', '10.A'], tags: [10, 'A'] }, ['r2', 'r1']);
    const m = merge({ local, remote, base, localPending: true, me: 'B' });
    expect(m.doc.fields).toEqual({ note: 'mine', color: 'green', tags: ['a', 'b'] });
    expect(m.conflicts).toEqual([]);
    expect(m.push).toBe(true);
    expect(m.apply).toBe(true);
  });

  it('the newest edit of a field wins when both changed it', () => {
    const local = ann({ ...base.fields, color: 'pink' }, { ...BS, color: [30, 'B', '10.A'] }, ['r1']);
    const remote = ann({ ...base.fields, color: 'green' }, { ...BS, color: [20, 'A', '10.A'] }, ['r2', 'r1']);
    expect(merge({ local, remote, base, localPending: true, me: 'B' }).doc.fields.color).toBe('pink');
    const older = ann({ ...base.fields, color: 'pink' }, { ...BS, color: [5, 'B', '10.A'] }, ['r1']);
    expect(merge({ local: older, remote, base, localPending: true, me: 'B' }).doc.fields.color).toBe('green');
  });

  it('merges tags as sets: additions on both sides kept, a removal on one side respected', () => {
    const local = ann({ ...base.fields, tags: ['a', 'b', 'mine'] }, { ...BS, tags: [20, 'B', '10.A'] }, ['r1']);
    const remote = ann({ ...base.fields, tags: ['b', 'theirs'] }, { ...BS, tags: [21, 'A', '10.A'] }, ['r2', 'r1']);
    expect((merge({ local, remote, base, localPending: true, me: 'B' }).doc.fields.tags as string[]).sort()).toEqual(['b', 'mine', 'theirs']);
    // Without a base (a fork), a plain union.
    expect((merge({ local, remote, localPending: true, me: 'B' }).doc.fields.tags as string[]).sort()).toEqual(['a', 'b', 'mine', 'theirs']);
  });

  it('keeps both texts of a note edited on both sides: the newer in the note, the other as a conflict', () => {
    const local = ann({ ...base.fields, note: 'B text' }, { ...BS, note: [20, 'B', '10.A'] }, ['r1']);
    const remote = ann({ ...base.fields, note: 'A text' }, { ...BS, note: [25, 'A', '10.A'] }, ['r2', 'r1']);
    const m = merge({ local, remote, base, localPending: true, me: 'B' });
    expect(m.doc.fields.note).toBe('A text');
    expect(m.conflicts).toEqual([{ field: 'note', text: 'B text', stamp: { t: 20, d: 'B', p: '10.A' } }]);
  });

  it('keeps both texts in place for a pledge note (no copy possible)', () => {
    const p = (note: string, t: number, d: string, revs: string[]) => ({ ...ann({ note }, { note: [t, d, '10.A'] }, revs), kind: 'pledges' as const });
    const m = merge({ local: p('mine', 20, 'B', ['r1']), remote: p('theirs', 25, 'A', ['r2', 'r1']), base: p('base', 10, 'A', ['r1']), localPending: true, me: 'B' });
    expect(m.doc.fields.note).toBe(`theirs${KEPT_BOTH}mine`);
  });

  it('a fork without a base still tells “built on” from “concurrent” by the replaced stamp', () => {
    // The remote lost our write (a server that ignores If-Match) but only changed the colour.
    const local = ann({ note: 'mine', color: 'yellow' }, { note: [20, 'B', '10.A'], color: [10, 'A'] }, ['rB', 'r1']);
    const remote = ann({ note: 'base', color: 'green' }, { note: [10, 'A'], color: [21, 'A', '10.A'] }, ['rA', 'r1']);
    const m = merge({ local, remote, localPending: false, me: 'B' });
    expect(m.doc.fields).toEqual({ note: 'mine', color: 'green' });
    expect(m.conflicts).toEqual([]);
    expect(m.push).toBe(true);
  });

  it('an edit the deleting device never saw brings the record back; an unchanged one lets the deletion stand', () => {
    const tomb = ann({}, {}, ['r2', 'r1'], { deleted: true });
    const edited = ann({ ...base.fields, note: 'edited' }, { ...BS, note: [30, 'B', '10.A'] }, ['r1']);
    expect(merge({ local: edited, remote: tomb, base, localPending: true, me: 'B' }).doc.deleted).toBeFalsy();
    expect(merge({ local: base, remote: tomb, base, localPending: false, me: 'B' }).doc.deleted).toBe(true);
    const deletedHere = ann({}, {}, ['r1'], { deleted: true });
    const remoteSame = { ...base, revs: ['r1'] };
    expect(merge({ local: deletedHere, remote: remoteSame, base, localPending: true, me: 'B' }).doc.deleted).toBe(true);
    const remoteEdited = ann({ ...base.fields, note: 'x' }, { ...BS, note: [40, 'A', '10.A'] }, ['r2', 'r1']);
    expect(merge({ local: deletedHere, remote: remoteEdited, base, localPending: true, me: 'B' }).doc.fields.note).toBe('x');
  });
});

describe('localDoc', () => {
  it('stamps the outbox’s edited fields with this device, pointing at the stamp they replaced', () => {
    const base = ann({ note: 'a', color: 'yellow' }, { note: [10, 'A'], color: [10, 'A'] }, ['r1']);
    const doc = localDoc({ kind: 'annotations', id: 'n1', record: { id: 'n1', note: 'b', color: 'yellow', orphan: true, updatedAt: 50, createdAt: 1 }, outbox: { key: 'annotations/n1', kind: 'annotations', id: 'n1', deleted: false, stamps: { note: 42 }, at: 42 }, base, device: 'B' });
    expect(doc.fields).toEqual({ note: 'b', color: 'yellow' });
    expect(doc.stamps.note).toEqual({ t: 42, d: 'B', p: stampKey(base.stamps.note) });
    expect(doc.stamps.color).toEqual(base.stamps.color);
  });
});

describe('encryption', () => {
  it('round-trips, and refuses a wrong passphrase or a file moved to another path', async () => {
    const params = newEncryptionParams(1000);
    const keys = await deriveKeys('right', params);
    const sealed = await encryptText(keys, 'annotations/ab/x.json', '{"note":"秘密"}');
    expect(sealed).not.toContain('秘密');
    expect(JSON.parse(sealed).data.length % 4).toBe(0);
    expect(await decryptText(keys, 'annotations/ab/x.json', sealed)).toBe('{"note":"秘密"}');
    await expect(decryptText(await deriveKeys('wrong', params), 'annotations/ab/x.json', sealed)).rejects.toMatchObject({ code: 'passphrase' });
    await expect(decryptText(keys, 'annotations/ab/y.json', sealed)).rejects.toMatchObject({ code: 'passphrase' });
  });

  it('pads sizes, so a short and a longer note look alike', async () => {
    const keys = await deriveKeys('p', newEncryptionParams(1000));
    const a = await encryptText(keys, 'p', 'x');
    const b = await encryptText(keys, 'p', 'x'.repeat(200));
    expect(a.length).toBe(b.length);
  });

  it('names glossary files by a keyed hash: stable, uuid-shaped, revealing nothing', async () => {
    const keys = await deriveKeys('p', newEncryptionParams(1000));
    const id = await derivedFileId(keys, 'glossary:两个确立');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await derivedFileId(keys, 'glossary:两个确立')).toBe(id);
    expect(await derivedFileId(await deriveKeys('q', newEncryptionParams(1000)), 'glossary:两个确立')).not.toBe(id);
  });
});

describe('file format', () => {
  const doc: SyncDoc = {
    kind: 'annotations',
    id: '7d0c1c1e-1111-4222-8333-444455556666',
    fields: {
      reportId: 'r', url: 'https://www.gov.cn/a', quote: { type: 'TextQuoteSelector', exact: '新质生产力', prefix: '发展', suffix: '。' },
      position: { type: 'TextPositionSelector', start: 3, end: 8 }, exact: '新质生产力', note: '笔记', tags: ['经济'], color: 'green', origin: 'user', conflictOf: 'x',
    },
    stamps: { note: { t: 5, d: 'A' } },
    created: 1_700_000_000_000,
    modified: 1_700_000_000_005,
    device: 'A',
    revs: ['r2', 'r1'],
  };

  it('is a W3C Web Annotation with its context inline, and reads back to the same record', () => {
    const o = toFileObject(doc, doc.id) as Record<string, any>;
    expect(o['@context']).toBe(INLINE_CONTEXT);
    expect(o.type).toBe('Annotation');
    expect(o.body).toEqual([
      { type: 'TextualBody', value: '笔记', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: '经济', purpose: 'tagging' },
    ]);
    expect(o.target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: '新质生产力', prefix: '发展', suffix: '。' });
    expect(fromFileText(toFileText(doc, doc.id))).toEqual(doc);
  });

  it('defines every term it uses in the inline context (nothing to fetch)', () => {
    const used = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
        if (k === '@context' || k === 'govlens:sync' || k === 'govlens:fields') continue;
        used.add(k);
        walk(x);
      }
    };
    walk(toFileObject(doc, doc.id));
    for (const term of used) expect(INLINE_CONTEXT, term).toHaveProperty([term]);
    expect(JSON.stringify(INLINE_CONTEXT)).not.toMatch(/\.jsonld/);
  });

  it('round-trips the other kinds and tombstones', () => {
    const pledge: SyncDoc = { ...doc, kind: 'pledges', fields: { text: '目标', status: 'met', figure: null, note: '' } };
    expect(fromFileText(toFileText(pledge, doc.id))).toEqual(pledge);
    const tomb: SyncDoc = { ...doc, deleted: true, fields: {} };
    expect(fromFileText(toFileText(tomb, doc.id))).toEqual(tomb);
  });

  it('refuses files that are not ours, and ones from a newer format', () => {
    expect(() => fromFileText('{"a":1}')).toThrow(/corrupt/);
    expect(() => fromFileText(JSON.stringify({ 'govlens:sync': { v: 99 } }))).toThrow(/newer-format/);
  });
});

describe('server URL', () => {
  it('allows https anywhere and http only on this machine, with no credentials in it', () => {
    expect(checkServerUrl('https://cloud.example.org/remote.php/dav/files/me')).toMatchObject({ url: 'https://cloud.example.org/remote.php/dav/files/me/', pattern: 'https://cloud.example.org/*' });
    expect(checkServerUrl('http://127.0.0.1:8080/dav/')).toMatchObject({ pattern: 'http://127.0.0.1/*' });
    expect(checkServerUrl('http://localhost/dav/')).toHaveProperty('url');
    expect(checkServerUrl('http://cloud.example.org/')).toEqual({ error: 'insecure' });
    expect(checkServerUrl('https://me:pw@cloud.example.org/')).toEqual({ error: 'bad-url' });
    expect(checkServerUrl('ftp://cloud.example.org/')).toEqual({ error: 'bad-url' });
    expect(checkServerUrl('not a url')).toEqual({ error: 'bad-url' });
  });
});
