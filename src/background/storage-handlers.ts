import * as repo from '../storage/repo';
import type { BackgroundProtocol, Req, Res } from '../shared/messages';
import { NotAllowed, requireOwnUrl, type Caller } from './scope';

type Handlers = {
  [K in keyof BackgroundProtocol]?: (p: Req<BackgroundProtocol, K>, caller: Caller | null) => Promise<Res<BackgroundProtocol, K>> | Res<BackgroundProtocol, K>;
};

/**
 * The reports a caller may touch: all of them for the extension's pages; for a content
 * script, the report(s) its frame's address belongs to (mirrors share one report).
 */
async function reportsOf(caller: Caller | null): Promise<Set<string> | 'all'> {
  if (caller?.kind === 'extension') return 'all';
  if (!caller) return new Set();
  return new Set((await Promise.all(caller.urls.map((u) => repo.reportIdsForUrl(u)))).flat());
}

async function requireReport(caller: Caller | null, reportId: string, what: string): Promise<void> {
  const allowed = await reportsOf(caller);
  if (allowed !== 'all' && !allowed.has(reportId)) throw new NotAllowed(what);
}

/** Every annotation id must exist and belong to a report the caller may touch; returns their reports. */
async function requireAnnotations(caller: Caller | null, ids: string[], what: string): Promise<string[]> {
  const allowed = await reportsOf(caller);
  const rows = await repo.getAnnotations(ids);
  if (allowed !== 'all' && rows.some((a) => !a || !allowed.has(a.reportId))) throw new NotAllowed(what);
  return [...new Set(rows.filter((a) => !!a).map((a) => a!.reportId))];
}

/** Called after a report's highlights changed, so other tabs showing it update without a reload. */
export type AnnotationsChanged = (reportIds: string[], caller: Caller | null) => void;

/** The background owns the database: content scripts reach it only through these, and only for their own report. */
export function storageHandlers(changed: AnnotationsChanged = () => undefined): Handlers {
  return {
  'report:upsert': async (info, caller) => {
    requireOwnUrl(caller, info.url, 'save another page as its report');
    return { reportId: (await repo.upsertReport(info)).id };
  },
  'annotation:list': async ({ reportId, after, limit }, caller) => {
    await requireReport(caller, reportId, "read another report's highlights");
    return repo.listAnnotations(reportId, undefined, { after, limit });
  },
  'annotation:add': async (input, caller) => {
    await requireReport(caller, input.reportId, 'add a highlight to another report');
    requireOwnUrl(caller, input.url, 'add a highlight to another page');
    const saved = await repo.addAnnotation(input);
    changed([saved.reportId], caller);
    return saved;
  },
  'annotation:update': async ({ id, changes }, caller) => {
    const reports = await requireAnnotations(caller, [id], "change another report's highlight");
    const saved = await repo.updateAnnotation(id, changes);
    changed(reports, caller);
    return saved;
  },
  'annotation:delete': async ({ id }, caller) => {
    const reports = await requireAnnotations(caller, [id], "delete another report's highlight");
    await repo.deleteAnnotation(id);
    changed(reports, caller);
  },
  'annotation:mark-orphans': async ({ ids, orphan }, caller) => {
    await requireAnnotations(caller, ids, "change another report's highlights");
    await repo.markOrphans(ids, orphan);
  },
  'pledge:add': async (input, caller) => {
    await requireReport(caller, input.reportId, 'save a pledge to another report');
    return repo.addPledge(input);
  },
  'pledge:update': async ({ id, changes }, caller) => {
    const allowed = await reportsOf(caller);
    if (allowed !== 'all') {
      const [current] = await repo.getPledges([id]);
      if (!current || !allowed.has(current.reportId)) throw new NotAllowed("change another report's pledge");
    }
    return repo.updatePledge(id, changes);
  },
  // One report's pledges, and for a page only its own report's: a page learns nothing about the reader's other reports.
  'pledge:list': async ({ reportId }, caller) => {
    if (typeof reportId !== 'string' || !reportId) return [];
    await requireReport(caller, reportId, "read another report's pledges");
    return repo.listPledges({ reportId });
  },
  'glossary:get-user': async () => (await repo.getUserGlossary()).map((g) => ({ term: g.term, definition: g.definition, source: 'user' as const })),
  'glossary:set-user': async ({ term, definition }, caller) => {
    if (!caller) throw new NotAllowed('change the glossary');
    await repo.setGlossaryTerm(term, definition);
  },
  };
}
