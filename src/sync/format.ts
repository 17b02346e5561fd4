/**
 * The plain form of a sync file: JSON-LD with its context written inline, so
 * no reader ever fetches a context from the network. Annotations are W3C Web
 * Annotations (note and tags as TextualBody, the page as target source, quote
 * and position selectors) that other annotation tools read as they are;
 * reports, pledges and glossary entries are GovLens resources. Every file
 * also carries `govlens:sync` (revisions, device, per-field stamps) and
 * `govlens:fields` (what the W3C form has no place for). Pure.
 */
import type { SyncDoc, SyncKind } from '../storage/types';
import { SyncError } from './errors';

export const FORMAT_VERSION = 1;
export const GOVLENS_NS = 'urn:govlens:ns:';

/**
 * The terms of the W3C Web Annotation context (http://www.w3.org/ns/anno.jsonld) these files
 * use, with the same IRIs, plus GovLens's own. JSON-LD 1.1 for the `@json` literal.
 */
export const INLINE_CONTEXT = {
  '@version': 1.1,
  oa: 'http://www.w3.org/ns/oa#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  dctypes: 'http://purl.org/dc/dcmitype/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  govlens: GOVLENS_NS,
  id: { '@id': '@id', '@type': '@id' },
  type: { '@id': '@type', '@type': '@id' },
  Annotation: 'oa:Annotation',
  TextualBody: 'oa:TextualBody',
  TextQuoteSelector: 'oa:TextQuoteSelector',
  TextPositionSelector: 'oa:TextPositionSelector',
  Text: 'dctypes:Text',
  commenting: 'oa:commenting',
  highlighting: 'oa:highlighting',
  tagging: 'oa:tagging',
  body: { '@id': 'oa:hasBody', '@type': '@id' },
  target: { '@id': 'oa:hasTarget', '@type': '@id' },
  source: { '@id': 'oa:hasSource', '@type': '@id' },
  selector: { '@id': 'oa:hasSelector', '@type': '@id' },
  motivation: { '@id': 'oa:motivatedBy', '@type': '@vocab' },
  purpose: { '@id': 'oa:hasPurpose', '@type': '@vocab' },
  created: { '@id': 'dcterms:created', '@type': 'xsd:dateTime' },
  modified: { '@id': 'dcterms:modified', '@type': 'xsd:dateTime' },
  value: { '@id': 'rdf:value' },
  format: { '@id': 'dc:format' },
  exact: { '@id': 'oa:exact' },
  prefix: { '@id': 'oa:prefix' },
  suffix: { '@id': 'oa:suffix' },
  start: { '@id': 'oa:start', '@type': 'xsd:nonNegativeInteger' },
  end: { '@id': 'oa:end', '@type': 'xsd:nonNegativeInteger' },
  styleClass: { '@id': 'oa:styleClass' },
  'govlens:sync': { '@type': '@json' },
  'govlens:fields': { '@type': '@json' },
} as const;

const TYPES: Record<SyncKind, string> = {
  annotations: 'Annotation',
  reports: 'govlens:Report',
  pledges: 'govlens:Pledge',
  glossary: 'govlens:GlossaryEntry',
};

interface SyncBlock {
  v: number;
  kind: SyncKind;
  key: string;
  device: string;
  revs: string[];
  stamps: SyncDoc['stamps'];
  created: number;
  modified: number;
  deleted?: true;
}

const iso = (t: number) => new Date(t).toISOString();

/** Fields the W3C form of an annotation carries itself. */
const W3C_FIELDS = new Set(['note', 'tags', 'url', 'quote', 'position', 'exact', 'color']);

function annotationParts(fields: Record<string, unknown>): Record<string, unknown> {
  const note = typeof fields.note === 'string' ? fields.note : '';
  const tags = Array.isArray(fields.tags) ? (fields.tags as string[]) : [];
  const quote = (fields.quote ?? {}) as { exact?: string; prefix?: string; suffix?: string };
  const position = (fields.position ?? {}) as { start?: number; end?: number };
  const body: object[] = [];
  if (note) body.push({ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' });
  for (const t of tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
  return {
    motivation: note ? 'commenting' : 'highlighting',
    ...(body.length ? { body } : {}),
    target: {
      source: fields.url,
      ...(typeof fields.color === 'string' ? { styleClass: `govlens-${fields.color}` } : {}),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact ?? '', prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
        { type: 'TextPositionSelector', start: position.start ?? 0, end: position.end ?? 0 },
      ],
    },
  };
}

/** The JSON-LD object of a record version (a tombstone keeps only its identity and sync block). */
export function toFileObject(doc: SyncDoc, fileId: string): Record<string, unknown> {
  const sync: SyncBlock = {
    v: FORMAT_VERSION,
    kind: doc.kind,
    key: doc.id,
    device: doc.device,
    revs: doc.revs,
    stamps: doc.stamps,
    created: doc.created,
    modified: doc.modified,
    ...(doc.deleted ? { deleted: true as const } : {}),
  };
  const head = { '@context': INLINE_CONTEXT, id: `urn:uuid:${fileId}`, type: TYPES[doc.kind], created: iso(doc.created), modified: iso(doc.modified) };
  if (doc.deleted) return { ...head, 'govlens:sync': sync };
  if (doc.kind !== 'annotations') return { ...head, 'govlens:sync': sync, 'govlens:fields': doc.fields };
  const rest = Object.fromEntries(Object.entries(doc.fields).filter(([k]) => !W3C_FIELDS.has(k)));
  if (!('color' in doc.fields)) rest.color = null;
  return { ...head, ...annotationParts(doc.fields), 'govlens:sync': sync, 'govlens:fields': rest };
}

export function toFileText(doc: SyncDoc, fileId: string): string {
  return JSON.stringify(toFileObject(doc, fileId));
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function annotationFields(o: Json, extra: Json): Json {
  const bodies = arr(o.body).filter(isObj);
  const note = bodies.find((b) => b.purpose === 'commenting' || (b.purpose === undefined && b.type === 'TextualBody'));
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => String(b.value ?? ''));
  const target = isObj(o.target) ? o.target : {};
  const selectors = arr(target.selector).filter(isObj);
  const q = selectors.find((s) => s.type === 'TextQuoteSelector') ?? {};
  const p = selectors.find((s) => s.type === 'TextPositionSelector') ?? {};
  const source = isObj(target.source) ? target.source.id : target.source;
  const styleClass = typeof target.styleClass === 'string' ? target.styleClass : '';
  const { color: storedColor, ...rest } = extra;
  const quote = { type: 'TextQuoteSelector', exact: String(q.exact ?? ''), prefix: String(q.prefix ?? ''), suffix: String(q.suffix ?? '') };
  const fields: Json = {
    ...rest,
    url: String(source ?? ''),
    quote,
    position: { type: 'TextPositionSelector', start: Number(p.start ?? 0), end: Number(p.end ?? 0) },
    exact: quote.exact,
    note: note ? String(note.value ?? '') : '',
    tags,
  };
  if (storedColor !== null) fields.color = styleClass.startsWith('govlens-') ? styleClass.slice('govlens-'.length) : 'yellow';
  return fields;
}

/** Reads a plain sync file back into a doc; anything that is not one of ours is a 'corrupt' error. */
export function fromFileText(text: string, path = ''): SyncDoc {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw new SyncError('corrupt', path);
  }
  if (!isObj(o) || !isObj(o['govlens:sync'])) throw new SyncError('corrupt', path);
  const s = o['govlens:sync'] as unknown as SyncBlock;
  if (typeof s.v !== 'number' || s.v > FORMAT_VERSION) throw new SyncError('newer-format', path);
  if (!(s.kind in TYPES) || typeof s.key !== 'string' || !Array.isArray(s.revs) || !isObj(s.stamps)) throw new SyncError('corrupt', path);
  const base = { kind: s.kind, id: s.key, device: String(s.device ?? ''), revs: s.revs.map(String), stamps: s.stamps, created: Number(s.created) || 0, modified: Number(s.modified) || 0 };
  if (s.deleted) return { ...base, deleted: true, fields: {} };
  const extra = isObj(o['govlens:fields']) ? o['govlens:fields'] : {};
  const fields = s.kind === 'annotations' ? annotationFields(o, extra) : { ...extra };
  return { ...base, fields };
}
