import type { BackgroundProtocol } from '../shared/messages';
import type { Req, Res } from '../shared/messages';

type Handlers = { [K in keyof BackgroundProtocol]?: (p: Req<BackgroundProtocol, K>) => Promise<Res<BackgroundProtocol, K>> | Res<BackgroundProtocol, K> };

// Wired to src/storage once the database module lands.
export const storageHandlers: Handlers = {
  'glossary:get-user': () => [],
};
