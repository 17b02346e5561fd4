/**
 * Merging one record's local and remote versions, field by field. Pure.
 *
 * - A field only one side changed since the version both last agreed on (the
 *   base) takes that side's value.
 * - A field both changed: the newest edit wins; list fields (tags, a report's
 *   URLs) are merged as sets; a note's text is never dropped: the loser
 *   becomes a conflict copy (annotations) or is kept under the winner (pledge
 *   notes, glossary definitions, which cannot be copied).
 * - Without a base (the server lost an update because it ignored If-Match, or
 *   this device never saw the record), each stamp's `p` (the stamp it
 *   replaced) still tells "built on" from "concurrent".
 * - A deletion loses to an edit the deleting device never saw.
 */
import type { Stamp, SyncDoc, SyncKind } from '../storage/types';
import { newer, sameContent, stampKey } from './doc';

/** List fields merged as sets when both sides changed them. */
export const SET_FIELDS: Partial<Record<SyncKind, string[]>> = { annotations: ['tags'], reports: ['urls'], pledges: ['tags'] };
/** The reader's own text: both versions are kept when both changed. */
export const TEXT_FIELDS: Partial<Record<SyncKind, string[]>> = { annotations: ['note'], pledges: ['note'], glossary: ['definition'] };

/** Put between the two texts of a pledge note or glossary definition edited on two devices at once. */
export const KEPT_BOTH = '\n\n——（另一台设备上的版本 / the other device’s version）——\n';

export interface Conflict {
  field: string;
  /** The text that lost: kept as a conflict copy. */
  text: string;
  stamp: Stamp;
}

export interface MergeInput {
  local: SyncDoc;
  remote: SyncDoc;
  /** The last version both sides agreed on, only when the remote descends from it. */
  base?: SyncDoc;
  /** The local side has changes not yet pushed (an outbox entry). */
  localPending: boolean;
  me: string;
}

export interface MergeResult {
  doc: SyncDoc;
  /** Annotations only: note texts to keep as conflict copies. */
  conflicts: Conflict[];
  /** The merge differs from the remote: it must be pushed. */
  push: boolean;
  /** The merge differs from the local record: it must be written locally. */
  apply: boolean;
}

const json = (v: unknown) => JSON.stringify(v);

function setMerge(local: unknown, remote: unknown, base: unknown): string[] {
  const l = Array.isArray(local) ? (local as string[]) : [];
  const r = Array.isArray(remote) ? (remote as string[]) : [];
  if (!Array.isArray(base)) return [...new Set([...l, ...r])];
  // Three-way: kept by both, or added by either; removed when either removed it and the other did not re-add it.
  const b = new Set(base as string[]);
  const out: string[] = [];
  for (const v of [...l, ...r]) {
    if (out.includes(v)) continue;
    const inL = l.includes(v);
    const inR = r.includes(v);
    if ((inL && inR) || (inL && !b.has(v)) || (inR && !b.has(v))) out.push(v);
  }
  return out;
}

function result(doc: SyncDoc, local: SyncDoc, remote: SyncDoc, conflicts: Conflict[] = []): MergeResult {
  return { doc, conflicts, push: !sameContent(doc, remote), apply: !sameContent(doc, local) };
}

export function merge({ local, remote, base, localPending, me }: MergeInput): MergeResult {
  const descends = !!base && remote.revs.includes(base.revs[0]);
  const remoteChangedSinceBase = !base || remote.revs[0] !== base.revs[0];

  // Nothing pending here and the remote builds on what we last agreed on: take it as it is.
  if (!localPending && descends) return result(remote, local, remote);
  if (remote.deleted && local.deleted) return result(remote, local, remote);
  // Deleted by a device that never saw the local version (edits pending here, or lost on a
  // server that ignored If-Match): those edits bring the record back.
  if (remote.deleted) return result({ ...local, revs: remote.revs }, local, remote);
  if (local.deleted) {
    // Deleted here, and the remote has not changed since: the deletion stands.
    if (!remoteChangedSinceBase) return result({ ...local, revs: remote.revs }, local, remote);
    // Deleted here, but edited elsewhere since: keep the edited record.
    return result(remote, local, remote);
  }

  const fields: Record<string, unknown> = {};
  const stamps: Record<string, Stamp> = {};
  const conflicts: Conflict[] = [];
  const names = new Set([...Object.keys(local.fields), ...Object.keys(remote.fields)]);
  for (const f of names) {
    const sl = local.stamps[f];
    const sr = remote.stamps[f];
    const take = (side: SyncDoc, s: Stamp | undefined) => {
      if (f in side.fields) fields[f] = side.fields[f];
      if (s) stamps[f] = s;
    };
    if (!sr || !(f in remote.fields)) { take(local, sl); continue; }
    if (!sl || !(f in local.fields)) { take(remote, sr); continue; }
    const kl = stampKey(sl);
    const kr = stampKey(sr);
    const kb = base && !base.deleted ? stampKey(base.stamps[f]) : undefined;
    if (kl === kr || json(local.fields[f]) === json(remote.fields[f])) { take(newer(sl, sr) ? local : remote, newer(sl, sr) ? sl : sr); continue; }
    if (kb !== undefined && kr === kb) { take(local, sl); continue; }
    if (kb !== undefined && kl === kb) { take(remote, sr); continue; }
    if (sl.p === kr) { take(local, sl); continue; }
    if (sr.p === kl) { take(remote, sr); continue; }
    // Both changed it.
    const localWins = newer(sl, sr);
    const [win, lose, ws, ls] = localWins ? [local, remote, sl, sr] : [remote, local, sr, sl];
    const merged: Stamp = { t: Math.max(sl.t, sr.t), d: me, p: kr };
    if (SET_FIELDS[local.kind]?.includes(f)) {
      fields[f] = setMerge(local.fields[f], remote.fields[f], base && !base.deleted ? base.fields[f] : undefined);
      stamps[f] = merged;
    } else if (TEXT_FIELDS[local.kind]?.includes(f) && typeof lose.fields[f] === 'string' && (lose.fields[f] as string).trim()) {
      const winText = String(win.fields[f] ?? '');
      const loseText = lose.fields[f] as string;
      if (local.kind === 'annotations') {
        take(win, ws);
        conflicts.push({ field: f, text: loseText, stamp: ls });
      } else {
        fields[f] = winText.includes(loseText) ? winText : `${winText}${KEPT_BOTH}${loseText}`;
        stamps[f] = merged;
      }
    } else take(win, ws);
  }
  let modified = 0;
  for (const s of Object.values(stamps)) modified = Math.max(modified, s.t);
  const doc: SyncDoc = {
    ...remote,
    deleted: undefined,
    fields,
    stamps,
    modified,
    created: Math.min(local.created, remote.created),
  };
  delete doc.deleted;
  return result(doc, local, remote, conflicts);
}
