import { describe, expect, it } from "vitest";
import { checkProviderBaseUrl, isPrivateAddress } from "./base-url-guard";

const resolvesTo = (addresses: string[]) => async () => addresses;

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "not-an-address",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "172.32.0.1", "104.18.6.192", "2606:4700::6810:1", "::ffff:8.8.8.8"])(
    "accepts %s",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe("checkProviderBaseUrl", () => {
  const strict = { allowPrivate: false };

  it("accepts a public host", async () => {
    await expect(
      checkProviderBaseUrl("https://api.example.com/v1", {
        ...strict,
        resolve: resolvesTo(["93.184.216.34"]),
      }),
    ).resolves.toBeUndefined();
  });

  it("refuses loopback, metadata and private literals", async () => {
    for (const url of [
      "http://127.0.0.1:8080/v1",
      "http://[::1]/v1",
      "http://169.254.169.254/latest",
      "http://10.0.0.5/v1",
    ]) {
      await expect(checkProviderBaseUrl(url, strict)).resolves.toMatch(/private, loopback or link-local/);
    }
  });

  it("refuses a name when any of its addresses is private", async () => {
    const resolve = resolvesTo(["93.184.216.34", "192.168.0.10"]);
    await expect(
      checkProviderBaseUrl("https://rebind.example.com/v1", { ...strict, resolve }),
    ).resolves.toMatch(/rebind\.example\.com resolves to a private/);
  });

  it("refuses a name that does not resolve", async () => {
    const resolve = async () => {
      throw new Error("ENOTFOUND");
    };
    await expect(checkProviderBaseUrl("https://nowhere.invalid/v1", { ...strict, resolve })).resolves.toMatch(
      /could not be resolved/,
    );
  });

  it("refuses other schemes, credentials, queries and fragments even when private hosts are allowed", async () => {
    const lax = { allowPrivate: true };
    await expect(checkProviderBaseUrl("file:///etc/passwd", lax)).resolves.toMatch(/http or https/);
    await expect(checkProviderBaseUrl("https://user:pw@api.example.com/v1", lax)).resolves.toMatch(
      /credentials/,
    );
    await expect(checkProviderBaseUrl("https://api.example.com/v1?k=1", lax)).resolves.toMatch(/query/);
    await expect(checkProviderBaseUrl("not a url", lax)).resolves.toMatch(/not a valid URL/);
  });

  it("allows loopback when the operator allows private base URLs", async () => {
    await expect(
      checkProviderBaseUrl("http://127.0.0.1:8080/v1", { allowPrivate: true }),
    ).resolves.toBeUndefined();
  });
});
