import { describe, expect, it } from "vitest";
import { clientNetwork } from "../../src/domain/client-network";

describe("clientNetwork", () => {
  it.each([
    ["2001:db8:1:2::a", "2001:0db8:0001:0002::/64"],
    ["2001:DB8:1:2:ffff:ffff:ffff:ffff", "2001:0db8:0001:0002::/64"],
    ["2001:db8:1:3::a", "2001:0db8:0001:0003::/64"],
    ["::1", "0000:0000:0000:0000::/64"],
    ["fe80::", "fe80:0000:0000:0000::/64"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::ffff:c000:201", "192.0.2.1"],
    ["203.0.113.7", "203.0.113.7"],
    ["unknown", "unknown"],
    ["1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9"],
    ["1::2::3", "1::2::3"],
  ])("counts %s as %s", (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });
});
