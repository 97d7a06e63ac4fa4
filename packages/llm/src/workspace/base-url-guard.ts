import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** Resolves a host name to every address it has (injectable for tests). */
export type ResolveHost = (host: string) => Promise<string[]>;

const systemResolve: ResolveHost = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

// Addresses a provider URL must not reach unless the operator allows it: they belong to this machine or
// its private network (SSRF), or are not unicast destinations at all.
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (IPv4 or IPv6, IPv4-mapped included) is private, loopback, link-local or reserved. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return blocked.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

/**
 * Why `baseUrl` may not be used as a workspace's provider, or `undefined` when it may. Refuses anything
 * but http(s), credentials, queries and fragments; unless `allowPrivate`, resolves the host and refuses it
 * when any address is private, loopback or link-local (one bad address is enough: the client may connect
 * to any of them). The reason is a sentence for the admin; it names the URL's host, never a key.
 */
export async function checkProviderBaseUrl(
  baseUrl: string,
  options: { allowPrivate: boolean; resolve?: ResolveHost },
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "The base URL is not a valid URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The base URL must use http or https.";
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    return "The base URL must not contain credentials, a query or a fragment.";
  }
  if (options.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) === 0 ? await (options.resolve ?? systemResolve)(host) : [host];
  } catch {
    return `The host ${host} could not be resolved.`;
  }
  if (addresses.length === 0) return `The host ${host} could not be resolved.`;
  if (addresses.some(isPrivateAddress)) {
    return `The host ${host} resolves to a private, loopback or link-local address, which this server does not allow.`;
  }
  return undefined;
}
