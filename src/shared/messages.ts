/**
 * The one typed message protocol between the parts of GovLens.
 *
 * - `BackgroundProtocol`: sent to the background service worker (which owns
 *   Dexie and script injection) from content scripts, popup and side panel.
 * - `PageProtocol`: sent to the in-page engine of a tab (from the popup, the
 *   side panel and the background), via tabs.sendMessage.
 *
 * Every message is `{ type, payload }`; every reply is `{ ok: true, value }`
 * or `{ ok: false, error }`, so a storage failure reaches the UI as a message
 * instead of a silent undefined.
 */
import type { DamageKind, PageSample } from '../core/detect/types';
import type { FigureKind } from '../core/figures/types';
import type { GlossaryEntry, Term } from '../core/glossary/types';
import type { RepairKind } from '../core/repair/types';
import type { Direction, PledgeKind } from '../core/pledges/types';
import type { LaterReport } from '../core/pledges/follow';

export type SiteMode = 'always' | 'ask' | 'never';
export type LayerKind = 'fix' | 'suggestion' | 'figure-achieved' | 'figure-target' | 'figure-date' | 'term' | 'user' | 'pledge' | 'shared';
/** How repair marks are drawn: faint (the default, so a page with hundreds of repairs stays readable) or in full. */
export type RepairMarks = 'quiet' | 'full';

export type { TextQuoteSelector, TextPositionSelector, Selector } from '../core/anchoring/types';
// Stored records are defined once, by the storage layer, and travel as-is.
export type { AnnotationRecord, PledgeRecord, PledgeStatus, ReportRecord } from '../storage/types';
import type { AnnotationRecord, PledgeRecord, PledgeStatus } from '../storage/types';
import type { AnnotationPatch, NewAnnotation, NewPledge, PledgePatch } from '../storage/repo';

/** What the engine knows about the report shown in a tab. */
export interface ReportInfo {
  url: string;
  title: string;
  region: string;
  year: number | null;
  fingerprint: string;
}

/** Summary of a page, for the popup. */
export interface PageState {
  url: string;
  isReport: boolean;
  score: number;
  signals: string[];
  /** The engine has processed the page (false while only detection ran). */
  active: boolean;
  showingRepaired: boolean;
  fixes: number;
  fixKinds: Partial<Record<RepairKind, number>>;
  suggestions: number;
  figures: number;
  terms: number;
  pledges: number;
  annotations: number;
  orphans: number;
  /** Notes of read-only sources (a teacher's folder) anchored on the page. */
  shared?: number;
  layers: Record<LayerKind, boolean>;
  siteMode: SiteMode;
  /** The repaired view is shown in Traditional characters (the reader's preference). */
  traditional: boolean;
  repairMarks: RepairMarks;
}

export interface FigureItem { index: number; text: string; kind: FigureKind; value: number | null; valueMax?: number; unit: string; target: boolean; subject?: string; context: string }
/**
 * A term on the page as the side panel and the tooltips get it: the Term without its offsets (English name, gloss
 * and first appearance when its entry has them).
 */
export type TermItem = Pick<Term, 'text' | 'key' | 'definition' | 'source' | 'en' | 'gloss' | 'since' | 'firstDoc' | 'parts'> & { index: number };
export interface PledgeItem {
  index: number;
  text: string;
  kind: PledgeKind;
  /** The report's heading path above the pledge, outermost first. */
  area: string[];
  dueYear?: number;
  direction?: Direction;
  figure?: { text: string; value: number | null; unit: string; kind: FigureKind };
  /** Set once the reader saved it, with its current status. */
  savedId?: string;
  status?: PledgeStatus;
}

/** Everything the side panel lists for the current page. */
export interface PageItems {
  report: ReportInfo | null;
  /** The stored record of this report, once known. */
  reportId: string | null;
  figures: FigureItem[];
  terms: TermItem[];
  glossary: GlossaryEntry[];
  pledges: PledgeItem[];
  annotations: AnnotationRecord[];
  orphans: AnnotationRecord[];
  /** What this page reports on the past (its review sentences and achieved figures), to follow saved pledges into. */
  later: LaterReport | null;
}

export type ScrollTarget =
  | { kind: 'figure'; index: number }
  | { kind: 'term'; index: number }
  | { kind: 'pledge'; index: number }
  | { kind: 'annotation'; id: string }
  /** A stretch of the page's text (a sentence offered as evidence). */
  | { kind: 'text'; start: number; end: number };

/** What the options page and the side panel show about sync (never the password or the key). */
export interface SyncStatus {
  enabled: boolean;
  url: string;
  username: string;
  encrypted: boolean;
  lastSync: number | null;
  lastError: { code: import('../sync/errors').SyncErrorCode; at: number } | null;
  /** Local changes not yet on the server. */
  pending: number;
  running: boolean;
  shared: Array<{ id: string; name: string; url: string; color: string; lastSync: number | null; lastError: import('../sync/errors').SyncErrorCode | null }>;
}

/** A note of a read-only source (a teacher's shared folder), for the page's own layer. */
export interface SharedNote {
  key: string;
  /** The source's name, as the reader gave it. */
  source: string;
  color: string;
  quote: import('../core/anchoring/types').TextQuoteSelector;
  position: import('../core/anchoring/types').TextPositionSelector;
  exact: string;
  note: string;
  tags: string[];
}

export interface SyncSetup {
  url: string;
  username: string;
  password: string;
}


/**
 * Data scripts the engine loads on demand: the character model, the
 * Simplified→Traditional tables, the built-in glossary (in parts), the pledge
 * reader, and the mojibake and pinyin stages' tables.
 */
export type DataScript = 'lm' | 's2t' | 'glossary' | 'glossary-text' | 'pledges' | 'bigrams' | 'readings';

/**
 * The background's verdict on a page's sample. It travels to the engine with
 * the injection (detect.js keeps it for engine.js, which shares its world),
 * so the page is scored once, and carries what the engine would otherwise
 * have to ask for before it can start.
 */
export interface PageVerdict {
  isReport: boolean;
  mode?: SiteMode;
  score?: number;
  signals?: string[];
  damage?: DamageKind[];
  /** The reader's script preference (Traditional output) and repair marks, read while the sample was scored. */
  traditional?: boolean;
  marks?: RepairMarks;
  /** Data scripts injected with the engine, each in a task of its own: the engine waits for them instead of asking. */
  data?: DataScript[];
  /** The background's clock (ms since the epoch): the sample's arrival (the worker awake) and the injection's start. */
  at?: { received: number; injecting: number };
}

export interface BackgroundProtocol {
  /** From detect.js: score the page's sample and, for a report, act on the site's mode (the mode comes back). */
  'page:detect': { req: PageSample; res: PageVerdict };
  /** From an engine injected where detect.js did not run (the popup's "Enable on this tab"): score the sample, inject nothing. */
  'page:score': { req: PageSample; res: PageVerdict };
  'engine:inject': { req: { allFrames?: boolean }; res: { injected: boolean } };
  /** From the engine: inject a data script (lm.js for spun pages, s2t.js for Traditional output) into the sending frame. */
  'page:inject-data': { req: { name: DataScript }; res: void };
  'tab:enable': { req: { tabId: number }; res: { injected: boolean } };
  'site:get-mode': { req: { host: string }; res: SiteMode };
  'site:set-mode': { req: { host: string; mode: SiteMode }; res: void };
  /** From the "ask" prompt: the reader chose "never on this site" for the sending frame's own site (false if refused). */
  'site:never-ask': { req: Record<string, never>; res: boolean };
  /** The reader's script preference for repaired text: Traditional or Simplified. */
  'settings:get-traditional': { req: Record<string, never>; res: boolean };
  'settings:set-traditional': { req: { traditional: boolean }; res: void };
  'settings:get-marks': { req: Record<string, never>; res: RepairMarks };
  'settings:set-marks': { req: { marks: RepairMarks }; res: void };
  'report:upsert': { req: ReportInfo; res: { reportId: string } };
  /** A report's annotations, oldest first; with `limit`, one page of them after the `after` one (see Annotator.load). */
  'annotation:list': { req: { reportId: string; after?: { createdAt: number; id: string }; limit?: number }; res: AnnotationRecord[] };
  /** From the side panel: open the report in a new tab and show this annotation once the page is ready. */
  'annotation:reveal': { req: { url: string; id: string }; res: void };
  /** From the engine, once its annotations are anchored: the one to show in this tab, if any. */
  'annotation:pending-reveal': { req: Record<string, never>; res: string | null };
  'annotation:add': { req: NewAnnotation; res: AnnotationRecord };
  'annotation:update': { req: { id: string; changes: AnnotationPatch }; res: AnnotationRecord };
  'annotation:delete': { req: { id: string }; res: void };
  'annotation:mark-orphans': { req: { ids: string[]; orphan: boolean }; res: void };
  'pledge:add': { req: NewPledge; res: PledgeRecord };
  /** A content script asks only for its own report's pledges (reportId); the side panel reads the database itself. */
  'pledge:list': { req: { reportId: string }; res: PledgeRecord[] };
  'pledge:update': { req: { id: string; changes: PledgePatch }; res: PledgeRecord };
  'glossary:get-user': { req: Record<string, never>; res: GlossaryEntry[] };
  'glossary:set-user': { req: { term: string; definition: string }; res: void };
  /** From the engine: the read-only sources' notes on the sending frame's page. */
  'shared:for-page': { req: Record<string, never>; res: SharedNote[] };
  /** From the engine: copy one of them into the reader's own notes. */
  'shared:copy': { req: { key: string }; res: AnnotationRecord };
  // Sync: answered only to extension pages (options, side panel), never to a content script.
  'sync:status': { req: Record<string, never>; res: SyncStatus };
  /** Checks the server, credentials and what the GovLens folder holds (the origin's permission must be granted first). */
  'sync:test': { req: SyncSetup; res: { state: 'empty' | 'encrypted' | 'plain' } };
  'sync:enable': { req: SyncSetup & { passphrase?: string; encrypt: boolean; acceptPlain?: boolean }; res: SyncStatus };
  'sync:disable': { req: Record<string, never>; res: void };
  'sync:now': { req: Record<string, never>; res: SyncStatus };
  /** An extension page wrote to the database: push soon. */
  'sync:changed': { req: Record<string, never>; res: void };
  'sync:shared-add': { req: SyncSetup & { name: string; passphrase?: string }; res: SyncStatus };
  'sync:shared-remove': { req: { id: string }; res: void };
}

export interface PageProtocol {
  'page:state': { req: Record<string, never>; res: PageState };
  'page:items': { req: Record<string, never>; res: PageItems };
  'page:toggle': { req: { repaired?: boolean }; res: { showingRepaired: boolean } };
  'page:set-layer': { req: { layer: LayerKind; on: boolean }; res: void };
  'page:set-marks': { req: { marks: RepairMarks }; res: void };
  /** Shows repaired text in Traditional (true) or Simplified characters; answers what it now shows. */
  'page:set-traditional': { req: { traditional: boolean }; res: { traditional: boolean } };
  'page:scroll-to': { req: ScrollTarget; res: boolean };
  'page:next-mark': { req: Record<string, never>; res: void };
  'page:prev-mark': { req: Record<string, never>; res: void };
  'page:highlight-selection': { req: { note?: boolean }; res: void };
  'page:save-pledge': { req: { index: number }; res: PledgeRecord | null };
  /** Saves several of the page's pledges at once (an area of the outline); answers those saved. */
  'page:save-pledges': { req: { indexes: number[] }; res: PledgeRecord[] };
  'page:reattach': { req: { id: string }; res: boolean };
  'page:refresh-annotations': { req: Record<string, never>; res: void };
  /** From the background: a report's highlights changed (in another tab, or the side panel). */
  'page:annotations-changed': { req: { reportId: string }; res: void };
}

export type Message<P, K extends keyof P = keyof P> = K extends keyof P
  ? { type: K; payload: P[K] extends { req: infer R } ? R : never }
  : never;
/** `code`: a StorageError's kind (quota, closed, blocked, invalid, unknown), so the page can say it in the reader's language. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string };
export type Req<P, K extends keyof P> = P[K] extends { req: infer R } ? R : never;
export type Res<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;
