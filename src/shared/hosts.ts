/**
 * Hosts where GovLens runs without being asked: government portals and the
 * national and local news sites that carry work reports and 两会 coverage.
 * Keep this list short: every entry is a page the content script loads on.
 */
export const REPORT_HOST_MATCHES: string[] = [
  '*://*.gov.cn/*',
  '*://*.people.com.cn/*',
  '*://*.xinhuanet.com/*',
  '*://*.news.cn/*',
  '*://*.chinanews.com.cn/*',
  '*://*.cctv.com/*',
  '*://*.gmw.cn/*',
  '*://*.ce.cn/*',
  '*://*.xmnn.cn/*',
  '*://*.fjsen.com/*',
  '*://*.qzwb.com/*',
  '*://*.thepaper.cn/*',
];
