import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { GovLensDB } from '../../src/storage/db';
import { Remote } from '../../src/sync/remote';
import { Codec } from '../../src/sync/layout';
import { SyncEngine } from '../../src/sync/engine';
import { enableSync } from '../../src/sync/setup';
import type { OpenOptions } from '../../src/sync/folder';
import type { DavServer } from '../support/dav-servers';
import * as repo from '../../src/storage/repo';

let n = 0;
const made: GovLensDB[] = [];

export interface Device {
  name: string;
  db: GovLensDB;
  remote: Remote;
  engine: SyncEngine;
  sync(): ReturnType<SyncEngine['sync']>;
}

/** A device: its own database, connected to the server's GovLens folder as the options page would. */
export async function device(name: string, server: DavServer, open: OpenOptions = { passphrase: 'correct horse battery staple' }, db?: GovLensDB): Promise<Device> {
  db ??= newDb(name);
  const remote = new Remote({ url: server.url, username: server.username, password: server.password });
  const { keys, ifMatch } = await enableSync(db, remote, open);
  const engine = new SyncEngine(db, remote, new Codec(keys), { ifMatch });
  return { name, db, remote, engine, sync: () => engine.sync() };
}

export function newDb(name: string): GovLensDB {
  const db = new GovLensDB(`govlens-sync-${name}-${process.pid}-${++n}`);
  made.push(db);
  return db;
}

export async function dropDbs(): Promise<void> {
  for (const db of made.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

export const URL_A = 'https://www.gov.cn/zhengce/2024-report.htm';
export const quote = (exact: string) => ({ type: 'TextQuoteSelector' as const, exact, prefix: '前文', suffix: '后文' });
export const position = (start: number, exact: string) => ({ type: 'TextPositionSelector' as const, start, end: start + exact.length });

/** A report with one note, as the page would make them. */
export async function note(db: GovLensDB, text: string, exact = '新质生产力', url = URL_A) {
  const report = await repo.upsertReport({ url, title: '2024年政府工作报告' }, db);
  return repo.addAnnotation({ reportId: report.id, url, quote: quote(exact), position: position(100, exact), note: text, tags: ['经济'] }, db);
}
