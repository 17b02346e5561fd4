import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { boot } from '../src/page/boot';

// Injected on demand by the background into report pages (see content.ts).
export default defineUnlistedScript(() => {
  void boot();
});
