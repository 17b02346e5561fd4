import type { FigureKind } from '../core/figures/types';
import type { TextPositionSelector, TextQuoteSelector } from '../core/anchoring/types';
import type { Direction, PledgeKind } from '../core/pledges/types';
import type { Verdict } from '../core/pledges/follow';

export type AnnotationOrigin = 'user' | 'import';
/** not yet rated, in progress, met, partly met, missed. (Overdue is shown, not stored: past the due year, no evidence.) */
export type PledgeStatus = 'pending' | 'progress' | 'met' | 'partly' | 'missed';

export interface ReportRecord {
  id: string;
  /** canonicalUrl() of the first URL the report was seen at. Unique. */
  canonicalUrl: string;
  /** Canonical URLs of every mirror recognised as this report (includes canonicalUrl). */
  urls: string[];
  title: string;
  region: string;
  /** regionKey(region), so reports of one region are found whatever they call it. */
  regionKey?: string;
  year: number | null;
  /** core/fingerprint of the repaired main text; '' when unknown (records migrated from v1). */
  fingerprint: string;
  createdAt: number;
  updatedAt: number;
}

export interface AnnotationRecord {
  id: string;
  reportId: string;
  /** The page URL the annotation was made on (as seen, not canonicalised). */
  url: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The quoted text (same as quote.exact), kept top-level for listing and search. */
  exact: string;
  note: string;
  tags: string[];
  color: string;
  createdAt: number;
  updatedAt: number;
  /** True when the last re-anchoring could not find the quote in the page. */
  orphan: boolean;
  origin: AnnotationOrigin;
  /** Set on a conflict copy: the id of the note whose text was edited on two devices at once. */
  conflictOf?: string;
}

export interface PledgeFigure {
  value: number;
  unit: string;
  text: string;
  /** The figure's kind (count, amount, percent …), so a later report's figure is compared like with like. */
  kind?: FigureKind;
}

/** A later report's sentence the reader accepted as evidence for a pledge's status. */
export interface PledgeEvidence {
  /** The later report (its record id), its title and address when the evidence was taken. */
  reportId: string;
  reportTitle: string;
  url: string;
  year: number | null;
  sentence: string;
  /** The achieved figure the proposed verdict was read from, if any. */
  figure?: string;
  /** What GovLens proposed, if anything; the status is what the reader chose. */
  proposed?: Verdict;
  at: number;
}

/** One status the pledge had, oldest first. `unclear` is a status of version 2, kept in the history by the migration. */
export interface PledgeStatusChange {
  status: PledgeStatus | 'unclear';
  at: number;
}

export interface PledgeRecord {
  id: string;
  reportId: string;
  text: string;
  /** The region as the report names it, and its normalised key (厦门市湖里区 and 湖里区 → 湖里). */
  region: string;
  regionKey: string;
  year: number | null;
  dueYear: number | null;
  kind: PledgeKind;
  /** The report's heading path above the pledge, outermost first. */
  area: string[];
  figure: PledgeFigure | null;
  /** For targets: at least, at most, about or exactly the figure. */
  direction: Direction | null;
  status: PledgeStatus;
  note: string;
  evidence: PledgeEvidence[];
  history: PledgeStatusChange[];
  selectors: { quote?: TextQuoteSelector; position?: TextPositionSelector } | null;
  createdAt: number;
  updatedAt: number;
}

export interface GlossaryRecord {
  term: string;
  definition: string;
  updatedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

// ---------------------------------------------------------------- sync (Dexie version 4)

/** The user's tables that sync, by the name their files live under on the server. */
export type SyncKind = 'reports' | 'annotations' | 'pledges' | 'glossary';

/** A record changed locally since it was last pushed. `stamps` holds when each field last changed. */
export interface OutboxEntry {
  /** `${kind}/${id}` */
  key: string;
  kind: SyncKind;
  id: string;
  deleted: boolean;
  stamps: Record<string, number>;
  /** When the entry last changed (a push removes it only if it is unchanged since it was read). */
  at: number;
}

/** One field's last edit: when, by which device, and the edit it replaced (for telling forks apart). */
export interface Stamp {
  t: number;
  d: string;
  /** `${t}.${d}` of the stamp this edit replaced, when known. */
  p?: string;
}

/** A record as synced: its fields, when each changed, and its revision history. */
export interface SyncDoc {
  kind: SyncKind;
  id: string;
  deleted?: boolean;
  fields: Record<string, unknown>;
  stamps: Record<string, Stamp>;
  created: number;
  modified: number;
  /** The device that wrote this version. */
  device: string;
  /** This version's revision id, then its ancestors', newest first. */
  revs: string[];
}

export interface SyncStateRecord {
  /** `${kind}/${id}` */
  key: string;
  kind: SyncKind;
  id: string;
  /** The record's file on the server, under the folder the reader chose. */
  path: string;
  /** The server file's ETag as last seen (null when the server gave none). */
  etag: string | null;
  /** The version last pushed or pulled: what both sides agreed on. */
  base: SyncDoc;
}

export interface SyncMetaRecord {
  key: string;
  value: unknown;
}

/** A report of a read-only source (a teacher's shared folder). */
export interface SharedReportRecord {
  /** `${sourceId}/${id}` */
  key: string;
  sourceId: string;
  id: string;
  title: string;
  urls: string[];
  path: string;
  etag: string | null;
}

/** A note of a read-only source, shown as its own layer and never written back. */
export interface SharedAnnotationRecord {
  key: string;
  sourceId: string;
  id: string;
  reportId: string;
  /** Canonical URL of the page it was made on. */
  url: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  exact: string;
  note: string;
  tags: string[];
  modified: number;
  path: string;
  etag: string | null;
}
