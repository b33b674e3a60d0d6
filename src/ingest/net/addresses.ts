// Which addresses a fetch may connect to: the public internet only, unless the user allowed private ones.
import { BlockList, isIP } from "node:net";

// Ranges that are not the public internet: this host, private and shared networks, link-local, documentation and
// benchmarking nets, multicast and reserved space.
const IPV4_RANGES: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
];

// IPv6 ranges refused whole: besides loopback, local and multicast space, every form that carries or translates an
// IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo), since each can lead back to a private IPv4 host.
const IPV6_RANGES: [string, number][] = [
  ["::", 96], // unspecified, loopback and IPv4-compatible (::a.b.c.d)
  ["::ffff:0:0", 96], // IPv4-mapped
  ["::ffff:0:0:0", 96], // IPv4-translated
  ["64:ff9b::", 96], // NAT64, well-known prefix
  ["64:ff9b:1::", 48], // NAT64, local-use prefix
  ["100::", 64], // discard-only
  ["2001::", 32], // Teredo
  ["2001:10::", 28], // ORCHID
  ["2001:20::", 28], // ORCHIDv2
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4
  ["3fff::", 20], // documentation
  ["5f00::", 16], // segment routing
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed inside some networks)
  ["ff00::", 8], // multicast
];

// One list per family: a BlockList also matches IPv4 addresses against IPv6 rules, which would make ::/96 swallow them.
const NON_PUBLIC_V4 = new BlockList();
for (const [net, bits] of IPV4_RANGES) NON_PUBLIC_V4.addSubnet(net, bits, "ipv4");
const NON_PUBLIC_V6 = new BlockList();
for (const [net, bits] of IPV6_RANGES) NON_PUBLIC_V6.addSubnet(net, bits, "ipv6");

/** True when the address is not on the public internet, or is not an IP address at all. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return true;
  return family === 4 ? NON_PUBLIC_V4.check(bare, "ipv4") : NON_PUBLIC_V6.check(bare, "ipv6");
}
