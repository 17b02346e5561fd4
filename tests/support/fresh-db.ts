import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { GovLensDB } from '../../src/storage/db';

/**
 * A factory of empty GovLens databases (fake-indexeddb) for one test file;
 * every database it made is closed and deleted after each test.
 */
export function freshDbFactory(prefix: string): () => GovLensDB {
  const dbs: GovLensDB[] = [];
  let n = 0;
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = new GovLensDB(`${prefix}-${process.pid}-${++n}`);
    dbs.push(db);
    return db;
  };
}
