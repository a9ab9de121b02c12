import { describe, expect, it } from "vitest";
import { assertPublicHost, hostAddresses, isPublicAddress } from "./address-guard";
import { IntakeError } from "./intake-error";

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10",
    "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.251", "255.255.255.255",
    "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:192.168.1.1", "::ffff:a9fe:a9fe",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "allows %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    // IPv4-mapped and -compatible forms of private addresses, in every spelling.
    "::ffff:10.0.0.1", "0:0:0:0:0:ffff:a00:1", "::FFFF:7F00:1", "::127.0.0.1", "::a9fe:a9fe", "::ffff:0.0.0.0",
    // NAT64: the well-known prefix carrying a private IPv4 address, and the local-use prefix.
    "64:ff9b::7f00:1", "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", "64:ff9b::0.0.0.0", "64:ff9b:1::8.8.8.8", "64:ff9b:1:abcd::1",
    // 6to4 and Teredo tunnel to IPv4 addresses they embed (here 127.0.0.1 and a hidden one).
    "2002:7f00:1::1", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1",
    // Other special-purpose IPv6: IETF assignments, documentation, discard, SRv6, site-local, SIIT-translated.
    "2001:2::1", "2001:10::1", "2001:db8::1", "3fff::1", "100::1", "5f00::1", "fec0::1", "::ffff:0:7f00:1", "4000::1",
    // IPv4 documentation ranges and the 6to4 relay anycast.
    "192.0.2.1", "198.51.100.7", "203.0.113.9", "192.88.99.1",
    // A zone index does not hide a link-local address.
    "fe80::1%eth0",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["64:ff9b::8.8.8.8", "64:ff9b::808:808", "::ffff:1.1.1.1", "2a00:1450:4001:82b::200e", "2001:4860:4860::8888"])("allows %s, a public host", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("refuses every address of this machine's own interfaces, public ones included", () => {
    const own = hostAddresses();
    expect(own).toEqual(expect.arrayContaining(["127.0.0.1"]));
    for (const address of own) expect(isPublicAddress(address), address).toBe(false);
    // A public address is refused once it is the host's own, in any spelling that reaches it.
    expect(isPublicAddress("93.184.216.34", [])).toBe(true);
    for (const spelling of ["93.184.216.34", "::ffff:93.184.216.34", "::ffff:5db8:d822", "64:ff9b::93.184.216.34"]) {
      expect(isPublicAddress(spelling, ["93.184.216.34"]), spelling).toBe(false);
    }
    expect(isPublicAddress("2606:4700:4700::1111", ["2606:4700:4700:0:0:0:0:1111"])).toBe(false);
    expect(isPublicAddress("2606:4700:4700::1111", ["93.184.216.34"])).toBe(true);
  });

  it("treats anything that is not an IP address as not public", () => {
    expect(isPublicAddress("example.com")).toBe(false);
  });
});

describe("assertPublicHost", () => {
  it("accepts a public IP literal without looking anything up", async () => {
    await expect(assertPublicHost(new URL("http://8.8.8.8/"))).resolves.toBeUndefined();
  });

  it.each(["http://0.0.0.0/", "http://0/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::1]/", "http://[2001::1]/", "http://2130706433/"])(
    "refuses %s with the private-address message",
    async (url) => {
      const error = await assertPublicHost(new URL(url)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntakeError);
      expect((error as IntakeError).code).toBe("blocked_address");
      expect((error as IntakeError).message).toMatch(/only imports public web pages; .* is a private or local network address/);
    },
  );

  it("resolves names and names the address it refused", async () => {
    const error = await assertPublicHost(new URL("http://localhost:8080/")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect((error as IntakeError).code).toBe("blocked_address");
    expect((error as IntakeError).message).toMatch(/localhost:8080 \((127\.0\.0\.1|::1)\)/);
  });
});
