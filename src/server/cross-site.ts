// Cookie-authenticated changes must come from the panel's own pages (SPEC §3).
// Sec-Fetch-Site decides when the browser sends it; otherwise Origin must be the
// panel's origin or the origin the request was addressed to. With neither, it passes.
import type { IncomingMessage } from 'node:http';

export function isCrossSite(req: IncomingMessage, appUrl: URL): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite === 'cross-site';
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === appUrl.origin) return false;
  const host = req.headers.host;
  return !host || (origin !== `http://${host}` && origin !== `https://${host}`);
}
