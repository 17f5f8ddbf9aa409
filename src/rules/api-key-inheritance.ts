// A key minted or changed by a request made with a key inherits that key's limits
// (SPEC §9b), so that a key cannot mint a way around its own address ranges or expiry.
import { rangeWithin } from './ip-ranges.ts';

export interface KeyLimits {
  /** Normalised CIDR ranges; empty allows every address. */
  allowedIps: string[];
  /** null: never expires. */
  expires: Date | null;
}

export type Inherited = { ok: true; limits: KeyLimits } | { ok: false; problems: string[] };

/**
 * The limits a key gets when `parent` asks for `asked`: an empty list takes the parent's
 * ranges and no expiry takes the parent's; a range outside every range of the parent, or a
 * later expiry, is refused with the contract's messages (indexes are those of `asked`).
 */
export function inheritKeyLimits(asked: KeyLimits, parent: KeyLimits): Inherited {
  const problems: string[] = [];
  if (parent.allowedIps.length > 0) {
    asked.allowedIps.forEach((range, index) => {
      if (!parent.allowedIps.some((outer) => rangeWithin(range, outer))) {
        problems.push(`allowed_ips.${index}: outside the ranges of the api key making the request`);
      }
    });
  }
  if (parent.expires && asked.expires && asked.expires > parent.expires) problems.push('expires: later than the api key making the request');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    limits: {
      allowedIps: asked.allowedIps.length > 0 ? asked.allowedIps : parent.allowedIps,
      expires: asked.expires ?? parent.expires,
    },
  };
}
