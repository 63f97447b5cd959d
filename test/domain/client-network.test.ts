/** Per-client limits count an IPv4 address whole and an IPv6 address by its /64 (domain/client-network.ts). */
import { describe, expect, it } from "vitest";
import { clientNetwork } from "../../src/domain/client-network";

describe("clientNetwork", () => {
  it("keeps an IPv4 address whole", () => {
    expect(clientNetwork("198.51.100.7")).toBe("198.51.100.7");
    expect(clientNetwork("198.51.100.8")).not.toBe(clientNetwork("198.51.100.7"));
  });

  it("takes an IPv6 address's /64, however it is written", () => {
    const network = "2001:db8:1:2::/64";
    for (const address of [
      "2001:db8:1:2::1",
      "2001:DB8:1:2:aaaa:bbbb:cccc:dddd",
      "2001:0db8:0001:0002:0000:0000:0000:ffff",
      "[2001:db8:1:2::5]",
      "fe80::1%eth0".replace("fe80::", "2001:db8:1:2::"),
      "2001:db8:1:2:0:0:192.0.2.1",
    ]) {
      expect(clientNetwork(address), address).toBe(network);
    }
    expect(clientNetwork("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  it("reads an IPv4-mapped IPv6 address as its IPv4 address", () => {
    expect(clientNetwork("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientNetwork("::ffff:c633:6407")).toBe("198.51.100.7");
  });

  it("leaves anything else as it is", () => {
    for (const text of [
      "unknown",
      "",
      "1:2:3",
      "2001:db8::1::2",
      "2001:db8:1:2:3:4:5:6:7",
      "gggg::1",
      "::ffff:1.2.3.999",
    ]) {
      expect(clientNetwork(text), text).toBe(text);
    }
  });
});
