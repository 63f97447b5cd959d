/**
 * What a per-client limit counts as one client: an IPv4 address whole, an
 * IPv6 address by its /64. Pure: no I/O.
 *
 * An IPv6 subscriber is routinely given a whole /64 (RFC 6177 recommends at
 * least a /64 per site, and SLAAC picks the low 64 bits at will, RFC 4862,
 * with privacy addresses changing them daily, RFC 8981), so one person can
 * send from 2^64 addresses: a limit keyed by the whole address would limit
 * nobody. Keying by the /64 treats the subscriber as one client, as an IPv4
 * address (often shared, never split) is one.
 */

/** The 8 groups of an IPv6 address as numbers, or null when `text` is not one (a zone or a dotted tail is handled). */
function ipv6Groups(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  // A dotted IPv4 tail ("::ffff:192.0.2.1") is two groups.
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (dotted) {
    const bytes = dotted.slice(2).map(Number);
    if (bytes.some((byte) => byte > 255)) return null;
    address = `${dotted[1]}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

/**
 * The client an address belongs to, for per-client limits: an IPv4 address
 * as it is; an IPv6 address as its /64 ("2001:db8:1:2::/64"), an
 * IPv4-mapped one ("::ffff:192.0.2.1") as its IPv4 address; anything else
 * (a missing header's "unknown") as it is.
 *
 * @example
 * ```ts
 * clientNetwork("2001:db8:1:2:aaaa::1") === clientNetwork("2001:DB8:1:2::ffff") // "2001:db8:1:2::/64"
 * ```
 */
export function clientNetwork(address: string): string {
  return clientNetworkOf(address);
}

/**
 * The network `address` comes from, as the activity log may show it to owners: an IPv4 address's
 * /24 ("198.51.100.0/24"), an IPv6 address's /64 (clientNetwork), never the address itself;
 * "unknown" for anything else.
 */
export function clientPrefix(address: string): string {
  const network = clientNetwork(address);
  if (network.endsWith("/64")) return network;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(network);
  return v4 ? `${v4[1]}.${v4[2]}.${v4[3]}.0/24` : "unknown";
}

function clientNetworkOf(address: string): string {
  if (!address.includes(":")) return address;
  const groups = ipv6Groups(address.trim());
  if (!groups) return address;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
