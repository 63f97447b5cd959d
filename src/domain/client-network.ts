/**
 * What a rate limit knows a client by: its network rather than its address.
 * An IPv6 client is usually given a whole /64 (RFC 6177 suggests /48 to /64
 * per site; SLAAC needs a /64), so it could take a fresh address for every
 * request: its limits are counted per /64. An IPv4 address is counted whole
 * (many people share one behind a NAT; a /24 would lump strangers together).
 * Pure: no I/O.
 */

/** Expands an IPv6 address (no zone, brackets or port) into its 8 groups, or null if it is not one. */
function ipv6Groups(address: string): string[] | null {
  let text = address.toLowerCase();
  // An embedded IPv4 tail (::ffff:192.0.2.1): its two groups.
  const tail = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (tail) {
    const bytes = tail.slice(2).map(Number);
    if (bytes.some((byte) => byte > 255)) return null;
    text = `${tail[1]}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups.map((g) => g.padStart(4, "0")) : null;
}

/**
 * The network a request's client address (CF-Connecting-IP) is counted as:
 * "2001:0db8:0001:0002::/64" for any IPv6 address in that /64, the IPv4
 * address itself ("192.0.2.1", also when written IPv4-mapped as
 * "::ffff:192.0.2.1"), or the text unchanged when it is neither.
 */
export function clientNetwork(address: string): string {
  const groups = address.includes(":") ? ipv6Groups(address.trim()) : null;
  if (!groups) return address.trim();
  if (groups.slice(0, 6).join(":") === "0000:0000:0000:0000:0000:ffff") {
    const [high, low] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return `${groups.slice(0, 4).join(":")}::/64`;
}
