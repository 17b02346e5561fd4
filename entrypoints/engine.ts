import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { boot } from '../src/page/boot';

// Injected by the background into pages it scored as reports (see src/page/detect-page.ts).
export default defineUnlistedScript(() => {
  void boot();
});
