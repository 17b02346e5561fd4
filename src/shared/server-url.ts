/** Which sync server addresses GovLens accepts (pure, shared by the options page, the background and tests). */

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The server URL as GovLens uses it, or an error code: https only, except a
 * server on this machine; no credentials, query or fragment in it.
 */
export function checkServerUrl(input: string): { url: string; origin: string; pattern: string } | { error: 'bad-url' | 'insecure' } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { error: 'bad-url' };
  }
  if (u.username || u.password || u.search || u.hash) return { error: 'bad-url' };
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.test(u.hostname))) return { error: u.protocol === 'http:' ? 'insecure' : 'bad-url' };
  const url = u.href.endsWith('/') ? u.href : `${u.href}/`;
  // Match patterns carry no port: the permission covers the host.
  return { url, origin: u.origin, pattern: `${u.protocol}//${u.hostname}/*` };
}

