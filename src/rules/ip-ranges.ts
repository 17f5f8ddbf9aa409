// IP addresses and CIDR ranges, through ipaddr.js: parsing, normalising and matching.
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are treated as the IPv4 address they carry. */
function parseAddress(text: string): Address | undefined {
  if (!ipaddr.isValid(text)) return undefined;
  // isValid accepts legacy IPv4 forms (octal, "10.1"); only the four-part decimal form is an address here.
  if (text.includes('.') && !text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  const address = ipaddr.parse(text);
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

/** The normalised text of a client address, or the input unchanged when it is not an address. */
export function normaliseAddress(text: string): string {
  return parseAddress(text)?.toString() ?? text;
}

/**
 * An address or CIDR range in its canonical CIDR form ("10.0.0.0/8", "203.0.113.7/32",
 * "2001:db8::/32"), host bits cleared; undefined when it is neither.
 */
export function parseRange(text: string): string | undefined {
  const [addressText, prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0 || !addressText) return undefined;
  const address = parseAddress(addressText);
  if (!address) return undefined;
  const bits = address.kind() === 'ipv4' ? 32 : 128;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    // A mapped IPv6 range (::ffff:10.0.0.0/104) becomes the IPv4 range it covers.
    if (addressText.includes(':') && address.kind() === 'ipv4') prefix -= 96;
    if (prefix < 0 || prefix > bits) return undefined;
  }
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  return `${network.toString()}/${prefix}`;
}

/** Whether the address falls in any of the (already normalised) ranges. */
export function inAnyRange(addressText: string, ranges: readonly string[]): boolean {
  const address = parseAddress(addressText);
  if (!address) return false;
  return ranges.some((range) => {
    const [network, prefix] = ipaddr.parseCIDR(range);
    return network.kind() === address.kind() && address.match(network, prefix);
  });
}

/**
 * What a per-address limit counts by: an IPv4 address alone, an IPv6 address by its /64,
 * since one host is handed a whole /64 and can send from any address in it.
 */
export function addressBucket(addressText: string): string {
  const address = parseAddress(addressText);
  if (!address || address.kind() === 'ipv4') return address?.toString() ?? addressText;
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}

/** Whether the (normalised) range `inner` lies wholly inside the (normalised) range `outer`. */
export function rangeWithin(inner: string, outer: string): boolean {
  const [innerNetwork, innerPrefix] = ipaddr.parseCIDR(inner);
  const [outerNetwork, outerPrefix] = ipaddr.parseCIDR(outer);
  return innerNetwork.kind() === outerNetwork.kind() && innerPrefix >= outerPrefix && innerNetwork.match(outerNetwork, outerPrefix);
}
