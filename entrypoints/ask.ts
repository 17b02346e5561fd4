import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askAndRun } from '../src/page/ask-and-run';

// Injected by the background into a report on a site set to "ask".
export default defineUnlistedScript(() => {
  void askAndRun(document);
});
