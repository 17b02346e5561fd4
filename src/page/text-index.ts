import { runSteps, type Steps } from '../core/steps';
import { isChrome, isLinkList } from './main-content';
import { isSkippedElement } from './skip';
import { walkInSteps } from './walk';

/** A run of text nodes repaired together, so words split across inline nodes still match. */
export interface Chunk {
  nodes: Text[];
  /** Original text of each node when GovLens first read it. */
  originals: string[];
  /** Start of each node in `text`; nodes of different blocks are separated by '\n'. */
  starts: number[];
  /** The joined original text. */
  text: string;
}

const BLOCK = new Set(['P', 'DIV', 'LI', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DT', 'TR', 'TABLE', 'UL', 'OL', 'BODY', 'MAIN', 'HEADER', 'FOOTER', 'FIGCAPTION']);
const CHUNK_CHARS = 3000;

function blockOf(node: Node): Element | null {
  for (let el = node.parentElement; el; el = el.parentElement) if (BLOCK.has(el.tagName.toUpperCase())) return el;
  return null;
}

/** Text nodes under `root` that GovLens may touch, in document order. */
export function collectTextNodes(root: Node, known?: WeakSet<Text>, skipChrome = true): Text[] {
  return runSteps(collectTextNodesInSteps(root, known, skipChrome));
}

/** Nodes visited (elements and text) per step of collectTextNodesInSteps: a few ms on a large page. */
const NODES_PER_STEP = 500;

/** collectTextNodes pausing every NODES_PER_STEP nodes visited (see src/core/steps.ts). */
export function* collectTextNodesInSteps(root: Node, known?: WeakSet<Text>, skipChrome = true): Steps<Text[]> {
  const out: Text[] = [];
  const visit = (n: Node): boolean => {
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      if (isSkippedElement(el)) return false;
      return !(skipChrome && el !== root && (isChrome(el) || (el.tagName !== 'P' && isLinkList(el))));
    }
    const t = n as Text;
    if (n.nodeType === Node.TEXT_NODE && !known?.has(t) && (t.nodeValue ?? '').trim()) out.push(t);
    return true;
  };
  yield* walkInSteps(root, visit, NODES_PER_STEP);
  return out;
}

/** Groups nodes into chunks of a few thousand characters, breaking only between blocks. */
export function buildChunks(nodes: Text[]): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Chunk | null = null;
  let lastBlock: Element | null = null;
  for (const node of nodes) {
    const value = node.nodeValue ?? '';
    const block = blockOf(node);
    if (!cur || (block !== lastBlock && cur.text.length >= CHUNK_CHARS)) {
      cur = { nodes: [], originals: [], starts: [], text: '' };
      chunks.push(cur);
    } else if (block !== lastBlock) {
      cur.text += '\n';
    }
    cur.nodes.push(node);
    cur.originals.push(value);
    cur.starts.push(cur.text.length);
    cur.text += value;
    lastBlock = block;
  }
  return chunks;
}
