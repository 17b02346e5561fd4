import { defineContentScript } from 'wxt/utils/define-content-script';
import { REPORT_HOST_MATCHES } from '../src/shared/hosts';

export default defineContentScript({
  matches: REPORT_HOST_MATCHES,
  runAt: 'document_idle',
  main() {},
});
