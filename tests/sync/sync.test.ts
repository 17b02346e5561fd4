import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as repo from '../../src/storage/repo';
import { Remote } from '../../src/sync/remote';
import { Codec } from '../../src/sync/layout';
import { SyncError } from '../../src/sync/errors';
import { openFolder } from '../../src/sync/folder';
import { KEPT_BOTH } from '../../src/sync/merge';
import { pullShared, sharedForUrls } from '../../src/sync/shared';
import { allFiles, davAvailable, snapshot, startDav, type DavKind, type DavServer } from '../support/dav-servers';
import { device, dropDbs, newDb, note, URL_A } from './devices';

const SERVERS: DavKind[] = ['apache', 'rclone'];

describe.each(SERVERS)('sync through %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    if (!davAvailable(kind)) throw new Error(`${kind} is not installed (.ci/run installs it)`);
    server = await startDav(kind);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    // A fresh folder on the same server for every test.
    await server.stop();
    const { rmSync, mkdirSync, chmodSync } = await import('node:fs');
    rmSync(server.dir, { recursive: true, force: true });
    mkdirSync(server.dir);
    chmodSync(server.dir, 0o777);
    await server.start();
  });
  afterEach(dropDbs);

  it('notes, pledges, reports and glossary entries made on one device appear on the other', async () => {
    const a = await device('a', server);
    const n1 = await note(a.db, '这是我的笔记：发展新质生产力');
    const report = (await repo.listReports(a.db))[0];
    await repo.addPledge({ reportId: report.id, text: '新增城镇就业1200万人以上', status: 'met', note: '2024年完成1256万' }, a.db);
    await repo.setGlossaryTerm('新质生产力', '以科技创新为主导的生产力', a.db);
    const pushed = await a.sync();
    expect(pushed.pushed).toBe(4);
    expect(await a.db.outbox.count()).toBe(0);

    const b = await device('b', server);
    await b.sync();
    const got = await b.db.annotations.get(n1.id);
    expect(got).toMatchObject({ note: '这是我的笔记：发展新质生产力', quote: n1.quote, position: n1.position, tags: ['经济'], reportId: report.id, url: URL_A });
    expect(await repo.findReportByUrl(URL_A, b.db)).toMatchObject({ id: report.id, title: '2024年政府工作报告' });
    expect(await repo.listPledges({}, b.db)).toEqual([expect.objectContaining({ text: '新增城镇就业1200万人以上', status: 'met', note: '2024年完成1256万' })]);
    expect(await repo.getUserGlossary(b.db)).toEqual([expect.objectContaining({ term: '新质生产力', definition: '以科技创新为主导的生产力' })]);
    // Nothing B pulled goes back out.
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('edits and deletions travel both ways', async () => {
    const a = await device('a', server);
    const n1 = await note(a.db, 'first');
    const n2 = await note(a.db, 'second', '高质量发展');
    await a.sync();
    const b = await device('b', server);
    await b.sync();
    await repo.updateAnnotation(n1.id, { note: 'edited on B', color: 'green' }, b.db);
    await repo.deleteAnnotation(n2.id, b.db);
    await b.sync();
    await a.sync();
    expect(await a.db.annotations.get(n1.id)).toMatchObject({ note: 'edited on B', color: 'green' });
    expect(await a.db.annotations.get(n2.id)).toBeUndefined();
    await repo.updateAnnotation(n1.id, { tags: ['经济', '就业'] }, a.db);
    await repo.setGlossaryTerm('两个确立', 'A’s words', a.db);
    await a.sync();
    await b.sync();
    expect((await b.db.annotations.get(n1.id))?.tags).toEqual(['经济', '就业']);
    expect(await repo.getUserGlossary(b.db)).toEqual([expect.objectContaining({ term: '两个确立', definition: 'A’s words' })]);
    await repo.deleteGlossaryTerm('两个确立', b.db);
    await b.sync();
    await a.sync();
    expect(await repo.getUserGlossary(a.db)).toEqual([]);
  });

  it('a note edited on two devices at once keeps both texts: one in the note, one in a conflict copy', async () => {
    const a = await device('a', server);
    const n1 = await note(a.db, 'original');
    await a.sync();
    const b = await device('b', server);
    await b.sync();
    await repo.updateAnnotation(n1.id, { note: 'A’s text', tags: ['经济', 'A'] }, a.db);
    await repo.updateAnnotation(n1.id, { note: 'B’s text', tags: ['经济', 'B'] }, b.db);
    await a.sync();
    const rb = await b.sync();
    expect(rb.conflicts).toBe(1);
    await a.sync();
    for (const d of [a, b]) {
      const all = await d.db.annotations.toArray();
      expect(all.map((x) => x.note).sort()).toEqual(['A’s text', 'B’s text']);
      const copy = all.find((x) => x.conflictOf === n1.id)!;
      expect(copy).toBeTruthy();
      expect(copy.quote).toEqual(n1.quote);
      // Tags merged as a union on the note itself.
      expect((await d.db.annotations.get(n1.id))!.tags.sort()).toEqual(['A', 'B', '经济'].sort());
    }
  });

  it('concurrent edits of a pledge note and a glossary definition keep both texts', async () => {
    const a = await device('a', server);
    await note(a.db, 'x');
    const report = (await repo.listReports(a.db))[0];
    const p = await repo.addPledge({ reportId: report.id, text: '粮食产量1.3万亿斤以上', note: 'start' }, a.db);
    await repo.setGlossaryTerm('三个一', 'start', a.db);
    await a.sync();
    const b = await device('b', server);
    await b.sync();
    await repo.updatePledge(p.id, { note: 'from A', status: 'met' }, a.db);
    await repo.setGlossaryTerm('三个一', 'from A', a.db);
    await repo.updatePledge(p.id, { note: 'from B' }, b.db);
    await repo.setGlossaryTerm('三个一', 'from B', b.db);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const pledge = (await repo.listPledges({}, d.db))[0];
      expect(pledge.status).toBe('met');
      expect(pledge.note).toContain('from A');
      expect(pledge.note).toContain('from B');
      expect(pledge.note).toContain(KEPT_BOTH.trim());
      const g = (await repo.getUserGlossary(d.db))[0];
      expect(g.definition).toContain('from A');
      expect(g.definition).toContain('from B');
    }
  });

  it('with encryption on, no file on the server holds a note, a term or a URL, and names are random ids', async () => {
    const a = await device('a', server);
    await note(a.db, '机密笔记内容 SECRET-NOTE');
    await repo.setGlossaryTerm('两个维护', '术语解释 SECRET-DEF', a.db);
    await a.sync();
    const files = allFiles(server.dir);
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) {
      for (const secret of ['SECRET-NOTE', '机密', 'SECRET-DEF', '两个维护', 'gov.cn', '新质生产力', '经济']) {
        expect(f.text.includes(secret), `${f.path} contains ${secret}`).toBe(false);
        expect(f.path.includes(secret)).toBe(false);
      }
      expect(f.path).toMatch(/^GovLens\/v1\/(encryption\.json|devices\/[0-9a-f-]{36}\.json|(reports|annotations|pledges|glossary)\/[0-9a-f]{2}\/[0-9a-f-]{36}\.json)$/);
    }
  });

  it('without encryption (chosen knowingly), files are plain W3C Web Annotations with their context inline', async () => {
    const a = await device('a', server, { encrypt: false });
    const n1 = await note(a.db, 'plain note');
    await a.sync();
    const file = allFiles(server.dir).find((f) => f.path.includes(n1.id))!;
    const o = JSON.parse(file.text);
    expect(o.type).toBe('Annotation');
    expect(typeof o['@context']).toBe('object');
    expect(JSON.stringify(o['@context'])).not.toContain('anno.jsonld');
    expect(o.body[0]).toMatchObject({ type: 'TextualBody', value: 'plain note', purpose: 'commenting' });
    expect(o.target.source).toBe(URL_A);
    // A second device asking for encryption is told the folder is plain, and nothing changes.
    const before = snapshot(server.dir);
    await expect(device('b', server)).rejects.toMatchObject({ code: 'not-encrypted' });
    expect(snapshot(server.dir)).toEqual(before);
  });

  it('a wrong passphrase is a clear error that changes nothing, here or on the server', async () => {
    const a = await device('a', server);
    await note(a.db, 'kept');
    await a.sync();
    const db = newDb('b');
    const mine = await note(db, 'B’s own note', '共同富裕');
    const before = snapshot(server.dir);
    await expect(device('b', server, { passphrase: 'wrong passphrase' }, db)).rejects.toMatchObject({ code: 'passphrase' });
    expect(snapshot(server.dir)).toEqual(before);
    expect(await db.annotations.toArray()).toEqual([mine]);
    expect(await db.outbox.count()).toBe(0);
    // The right one then works, and B's own note goes up beside A's.
    const b = await device('b', server, undefined, db);
    await b.sync();
    expect((await b.db.annotations.toArray()).map((x) => x.note).sort()).toEqual(['B’s own note', 'kept']);
  });

  it('a wrong password is an auth error', async () => {
    const remote = new Remote({ url: server.url, username: server.username, password: 'not-it' });
    await expect(openFolder(remote, { passphrase: 'x', create: true })).rejects.toMatchObject({ code: 'auth' });
    expect(snapshot(server.dir)).toEqual({});
  });

  it('the server going away in the middle of a push loses nothing, and the sync completes when it is back', async () => {
    const a = await device('a', server);
    for (let i = 0; i < 30; i++) await note(a.db, `note ${i}`, `引文${i}`);
    // Stop the server after the tenth write.
    const put = a.remote.put.bind(a.remote);
    let writes = 0;
    a.remote.put = async (...args) => {
      if (++writes === 10) await server.stop();
      return put(...args);
    };
    await expect(a.sync()).rejects.toBeInstanceOf(SyncError);
    expect(await a.db.annotations.count()).toBe(30);
    expect(await a.db.outbox.count()).toBeGreaterThan(0);
    await server.start();
    a.remote.put = put;
    await a.sync();
    expect(await a.db.outbox.count()).toBe(0);
    const b = await device('b', server);
    await b.sync();
    expect((await b.db.annotations.toArray()).map((x) => x.note).sort()).toEqual((await a.db.annotations.toArray()).map((x) => x.note).sort());
  });

  it('a write the server stored but whose answer was lost still reaches the other devices (new and edited notes)', async () => {
    const a = await device('a', server);
    for (let i = 0; i < 8; i++) await note(a.db, `note ${i}`, `引文${i}`);
    const put = a.remote.put.bind(a.remote);
    // Every third record write is stored, then the answer is lost.
    const losing: typeof put = async (path, ...rest) => {
      const res = await put(path, ...rest);
      if (!path.includes('/devices/') && ++writes % 3 === 0) throw new SyncError('offline', 'answer lost');
      return res;
    };
    let writes = 0;
    a.remote.put = losing;
    await expect(a.sync()).rejects.toBeInstanceOf(SyncError);
    a.remote.put = put;
    await a.sync();
    const b = await device('b', server);
    await b.sync();
    const notes = async (d: typeof a) => (await d.db.annotations.toArray()).map((x) => x.note).sort();
    expect(await notes(b)).toEqual(await notes(a));
    // The same for edits, seen by a device that had synced before.
    for (const n of await a.db.annotations.toArray()) await repo.updateAnnotation(n.id, { note: `${n.note} edited` }, a.db);
    writes = 0;
    a.remote.put = losing;
    await expect(a.sync()).rejects.toBeInstanceOf(SyncError);
    a.remote.put = put;
    await a.sync();
    await b.sync();
    expect(await notes(b)).toEqual(await notes(a));
    expect(await notes(b)).toContain('note 0 edited');
  });

  it('the server going away in the middle of a pull: the next pull completes it', async () => {
    const a = await device('a', server);
    for (let i = 0; i < 20; i++) await note(a.db, `note ${i}`, `引文${i}`);
    await a.sync();
    const b = await device('b', server);
    const get = b.remote.get.bind(b.remote);
    let reads = 0;
    b.remote.get = async (...args) => {
      if (++reads === 8) await server.stop();
      return get(...args);
    };
    await expect(b.sync()).rejects.toBeInstanceOf(SyncError);
    await server.start();
    b.remote.get = get;
    await b.sync();
    expect(await b.db.annotations.count()).toBe(20);
  });

  it('an unchanged server costs one request to pull; one change costs a handful', async () => {
    const a = await device('a', server);
    for (let i = 0; i < 50; i++) await note(a.db, `note ${i}`, `引文${i}`);
    await a.sync();
    const b = await device('b', server);
    await b.sync();
    let before = b.remote.requests;
    await b.sync();
    expect(b.remote.requests - before).toBe(1);
    const one = (await a.db.annotations.toArray())[7];
    // Apache weakens a file's ETag for the second after it was written, and If-Match then fails
    // (the engine recovers with GET + PUT). A reader's edit comes later than that; so does this one.
    await new Promise((r) => setTimeout(r, 1100));
    before = a.remote.requests;
    await repo.updateAnnotation(one.id, { note: 'changed' }, a.db);
    await a.engine.push();
    expect(a.remote.requests - before).toBeLessThanOrEqual(4);
    before = b.remote.requests;
    await b.sync();
    expect(b.remote.requests - before).toBeLessThanOrEqual(3);
    expect((await b.db.annotations.get(one.id))?.note).toBe('changed');
  });

  it('two devices that saved the same report before syncing end with one report holding both notes', async () => {
    const a = await device('a', server);
    const b = await device('b', server);
    const na = await note(a.db, 'from A', '一');
    const nb = await note(b.db, 'from B', '二');
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const reports = await repo.listReports(d.db);
      expect(reports).toHaveLength(1);
      const notes = await repo.listAnnotations(reports[0].id, d.db);
      expect(notes.map((x) => x.id).sort()).toEqual([na.id, nb.id].sort());
    }
  });

  it('a note deleted on one device while edited on the other is kept (an unseen edit is never lost)', async () => {
    const a = await device('a', server);
    const n1 = await note(a.db, 'v1');
    await a.sync();
    const b = await device('b', server);
    await b.sync();
    await repo.deleteAnnotation(n1.id, a.db);
    await repo.updateAnnotation(n1.id, { note: 'v2 from B' }, b.db);
    await b.sync();
    await a.sync();
    await b.sync();
    expect((await a.db.annotations.get(n1.id))?.note).toBe('v2 from B');
    expect((await b.db.annotations.get(n1.id))?.note).toBe('v2 from B');
  });

  it('a teacher’s shared folder is pulled as its own layer, copyable into own notes, and never written to', async () => {
    const { mkdirSync, chmodSync } = await import('node:fs');
    mkdirSync(`${server.dir}/class`);
    chmodSync(`${server.dir}/class`, 0o777);
    const classServer = { ...server, url: `${server.url}class/` };
    const teacher = await device('teacher', classServer, { passphrase: 'class passphrase' });
    const t1 = await note(teacher.db, '老师的批注：注意这个目标', '新质生产力');
    const t2 = await note(teacher.db, '第二条', '高质量发展');
    await teacher.sync();

    const student = await device('student', server);
    const mine = await note(student.db, 'my own', '共同富裕');
    await student.sync();
    const before = snapshot(`${server.dir}/class`);
    const logBefore = server.requests().length;
    const ro = new Remote({ url: classServer.url, username: server.username, password: server.password, readOnly: true });
    const { keys } = await openFolder(ro, { passphrase: 'class passphrase' });
    const res = await pullShared(student.db, ro, new Codec(keys), 'class-1');
    expect(res.fetched).toBeGreaterThanOrEqual(3);
    const layer = await sharedForUrls(student.db, [URL_A]);
    expect(layer.map((a) => a.note).sort()).toEqual(['第二条', '老师的批注：注意这个目标']);
    expect(layer.every((a) => a.sourceId === 'class-1')).toBe(true);
    // The reader's own notes and outbox are untouched by it.
    expect((await student.db.annotations.toArray()).map((a) => a.id)).toEqual([mine.id]);
    expect(await student.db.outbox.count()).toBe(0);

    // The teacher edits one and deletes the other; the student's next pull follows.
    await repo.updateAnnotation(t1.id, { note: '老师改过了' }, teacher.db);
    await repo.deleteAnnotation(t2.id, teacher.db);
    await teacher.sync();
    const afterTeacher = snapshot(`${server.dir}/class`);
    const logAfterTeacher = server.requests().length;
    await pullShared(student.db, ro, new Codec(keys), 'class-1');
    expect((await sharedForUrls(student.db, [URL_A])).map((a) => a.note)).toEqual(['老师改过了']);

    // Copied into the reader's own notes: it syncs with them, and the class folder stays as it was.
    const shared = (await sharedForUrls(student.db, [URL_A]))[0];
    const report = (await repo.listReports(student.db))[0];
    await repo.addAnnotation({ reportId: report.id, url: URL_A, quote: shared.quote, position: shared.position, note: shared.note, tags: shared.tags }, student.db);
    await student.sync();
    await pullShared(student.db, ro, new Codec(keys), 'class-1');
    expect(snapshot(`${server.dir}/class`)).toEqual(afterTeacher);
    expect(before).not.toEqual(afterTeacher);
    if (kind === 'apache') {
      // Everything asked of /class/ after the teacher's last write came from the student.
      void logBefore;
      const toClass = server.requests().slice(logAfterTeacher).filter((r) => r.path.startsWith('/class/'));
      expect(toClass.length).toBeGreaterThan(0);
      expect(toClass.filter((r) => r.method !== 'GET' && r.method !== 'PROPFIND')).toEqual([]);
    }
    await expect(ro.put('GovLens/v1/x.json', '{}')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
