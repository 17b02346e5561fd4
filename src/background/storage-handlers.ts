import * as repo from '../storage/repo';
import type { BackgroundProtocol, Req, Res } from '../shared/messages';

type Handlers = { [K in keyof BackgroundProtocol]?: (p: Req<BackgroundProtocol, K>) => Promise<Res<BackgroundProtocol, K>> | Res<BackgroundProtocol, K> };

/** The background owns the database: content scripts reach it only through these. */
export const storageHandlers: Handlers = {
  'report:upsert': async (info) => ({ reportId: (await repo.upsertReport(info)).id }),
  'annotation:list': ({ reportId }) => repo.listAnnotations(reportId),
  'annotation:add': (input) => repo.addAnnotation(input),
  'annotation:update': ({ id, changes }) => repo.updateAnnotation(id, changes),
  'annotation:delete': ({ id }) => repo.deleteAnnotation(id),
  'annotation:mark-orphans': async ({ ids, orphan }) => {
    await repo.markOrphans(ids, orphan);
  },
  'pledge:add': (input) => repo.addPledge(input),
  'pledge:update': ({ id, changes }) => repo.updatePledge(id, changes),
  // Only one report's pledges: a page learns nothing about the reader's other reports.
  'pledge:list': ({ reportId }) => (typeof reportId === 'string' && reportId ? repo.listPledges({ reportId }) : Promise.resolve([])),
  'glossary:get-user': async () => (await repo.getUserGlossary()).map((g) => ({ term: g.term, definition: g.definition, source: 'user' as const })),
  'glossary:set-user': async ({ term, definition }) => {
    await repo.setGlossaryTerm(term, definition);
  },
};
