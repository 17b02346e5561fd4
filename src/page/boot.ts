import { Engine } from './engine';
import { handle, toBackground } from '../shared/messaging';
import type { PageProtocol } from '../shared/messages';

declare global {
  interface Window {
    __govlensEngine?: Engine;
  }
}

/** Starts the engine once per document and answers the popup, side panel and commands. */
export async function boot(): Promise<void> {
  if (window.__govlensEngine) return;
  const engine = new Engine(document);
  window.__govlensEngine = engine;
  try {
    engine.userGlossary = await toBackground('glossary:get-user', {}).catch(() => []);
    engine.siteMode = await toBackground('site:get-mode', { host: location.hostname }).catch(() => 'always' as const);
  } catch {
    /* the background may be restarting; defaults are fine */
  }
  const started = performance.now();
  await engine.start();
  document.documentElement.setAttribute('data-govlens-ms', String(Math.round(performance.now() - started)));
  document.documentElement.setAttribute('data-govlens-longest-task-ms', String(Math.round(engine.longestSliceMs)));
  handle<PageProtocol>({
    'page:state': () => engine.state({ annotations: 0, orphans: 0 }),
    'page:toggle': ({ repaired }) => ({ showingRepaired: engine.toggle(repaired) }),
    'page:set-layer': ({ layer, on }) => engine.layers.setVisible(layer, on),
  });
}
