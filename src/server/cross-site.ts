// Cookie-authenticated changes must come from the panel's own pages or from a frontend
// listed in CORS_ORIGINS (SPEC §3, §9b). Requests with neither Sec-Fetch-Site nor Origin
// (curl, server-side callers: nothing a browser sends on its own) pass.
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.ts';

/**
 * Whether a request comes from a page the panel does not trust. The two headers are
 * checked together:
 * - Origin, when present, must be APP_URL's origin or one of CORS_ORIGINS; only when
 *   APP_URL was not set is the origin the request was addressed to (its Host, over http or
 *   https, as a proxy in front may terminate TLS) taken for the panel's own.
 * - Sec-Fetch-Site, when present, must be `same-origin` or `none`, except on a call from
 *   an allowed CORS origin: a browser marks those `same-site` or `cross-site` and always
 *   sends their Origin, so such a request passes only on that Origin. `same-site` alone
 *   is no proof: a sibling subdomain or another port of the host is same-site.
 */
export function crossSiteCheck(config: Pick<Config, 'appUrl' | 'appUrlSet' | 'corsOrigins'>) {
  const corsOrigins = new Set(config.corsOrigins);
  const trusted = new Set([config.appUrl.origin, ...corsOrigins]);
  const addressedTo = (req: IncomingMessage, origin: string) =>
    !config.appUrlSet && req.headers.host !== undefined && (origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`);

  return function isCrossSite(req: IncomingMessage): boolean {
    const { origin } = req.headers;
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return origin === undefined || !corsOrigins.has(origin);
    }
    if (origin === undefined) return false;
    return !trusted.has(origin) && !addressedTo(req, origin);
  };
}
