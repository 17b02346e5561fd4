import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectThisPage } from '../src/page/detect-page';

// The always-injected script (declared in wxt.config.ts's manifest, on the
// report hosts). A plain unlisted script rather than a WXT content script:
// WXT's content-script context touches the extension API and posts a message
// to the page on start, which costs every page more than detection itself.
export default defineUnlistedScript(() => {
  void detectThisPage();
});
