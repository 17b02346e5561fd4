/**
 * URLs come from stored records and imported files, so they are untrusted:
 * only web and file URLs become links (a `javascript:` URL must never be
 * clickable in an extension page).
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
