// The Simplified→Traditional tables for Node callers (CLI, tests): import for the side effect.
// They load from opencc-js on first use, so importing this costs nothing until then.
import { provideSimplifiedToTraditional } from './script';

provideSimplifiedToTraditional(async () => {
  const [phrases, characters] = await Promise.all([import('opencc-js/dict/STPhrases'), import('opencc-js/dict/STCharacters')]);
  return { phrases: phrases.default, characters: characters.default };
});
