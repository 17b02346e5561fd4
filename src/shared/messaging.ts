import type { Browser } from 'wxt/browser';
import { extensionApi } from './extension-api';
import type { BackgroundProtocol, PageProtocol, Reply, Req, Res } from './messages';

/** Sends a typed message to the background and unwraps its reply (throws on `{ok:false}`). */
export async function toBackground<K extends keyof BackgroundProtocol>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
): Promise<Res<BackgroundProtocol, K>> {
  const reply = (await extensionApi().runtime.sendMessage({ type, payload })) as Reply<Res<BackgroundProtocol, K>> | undefined;
  return unwrap(type, reply);
}

/**
 * Failures of the channel, not of the request: the MV3 service worker was stopped (or
 * restarted) before it answered. Not "Extension context invalidated": after an update or
 * reload this page's script is an orphan, and no retry can reach anyone.
 */
const TRANSPORT_FAILURE = /no answer to|message port closed|could not establish connection|receiving end does not exist|message channel closed/i;

export function isTransportFailure(err: unknown): boolean {
  return TRANSPORT_FAILURE.test(err instanceof Error ? err.message : String(err));
}

/**
 * toBackground for writes: retried (with backoff) when the channel fails, so a save whose
 * worker was stopped mid-way completes once a new worker starts. Only for requests that are
 * safe to repeat (annotation:add carries its own id; updates and deletes are idempotent).
 */
export async function toBackgroundReliably<K extends keyof BackgroundProtocol>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
  attempts = 5,
): Promise<Res<BackgroundProtocol, K>> {
  for (let i = 1; ; i++) {
    try {
      return await toBackground(type, payload);
    } catch (err) {
      if (i >= attempts || !isTransportFailure(err)) throw err;
      await new Promise((r) => setTimeout(r, 150 * 2 ** i));
    }
  }
}

/** Sends a typed message to the engine in a tab (top frame unless frameId is given). */
export async function toPage<K extends keyof PageProtocol>(
  tabId: number,
  type: K,
  payload: Req<PageProtocol, K>,
  frameId = 0,
): Promise<Res<PageProtocol, K>> {
  const reply = (await extensionApi().tabs.sendMessage(tabId, { type, payload }, { frameId })) as Reply<Res<PageProtocol, K>> | undefined;
  return unwrap(type, reply);
}

function unwrap<T>(type: string, reply: Reply<T> | undefined): T {
  if (!reply) throw new Error(`GovLens: no answer to ${type}`);
  // The code (a storage error's kind) travels too, so the UI can say it in the reader's language.
  if (!reply.ok) throw Object.assign(new Error(reply.error), reply.code ? { code: reply.code } : {});
  return reply.value;
}

type Handlers<P> = { [K in keyof P]?: (payload: Req<P, K>, sender: Browser.runtime.MessageSender) => Res<P, K> | Promise<Res<P, K>> };

/**
 * Registers handlers for one protocol. Messages of other types are left for
 * other listeners (returning undefined keeps the channel free for them).
 * Returns a function that removes the listener.
 */
export function handle<P>(handlers: Handlers<P>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    const msg = message as { type?: string; payload?: unknown };
    const fn = msg && typeof msg.type === 'string' ? (handlers as Record<string, Function | undefined>)[msg.type] : undefined;
    if (!fn) return undefined;
    Promise.resolve()
      .then(() => fn(msg.payload, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err), code: (err as { code?: unknown })?.code }),
      );
    return true; // keep the channel open for the async reply
  };
  const { onMessage } = extensionApi().runtime;
  onMessage.addListener(listener as never);
  return () => onMessage.removeListener(listener as never);
}
