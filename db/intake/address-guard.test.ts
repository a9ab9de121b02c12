import { describe, expect, it } from "vitest";
import { assertPublicHost, isPublicAddress } from "./address-guard";
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

  it("treats anything that is not an IP address as not public", () => {
    expect(isPublicAddress("example.com")).toBe(false);
  });
});

describe("assertPublicHost", () => {
  it("accepts a public IP literal without looking anything up", async () => {
    await expect(assertPublicHost(new URL("http://8.8.8.8/"))).resolves.toBeUndefined();
  });

  it("resolves names and names the address it refused", async () => {
    const error = await assertPublicHost(new URL("http://localhost:8080/")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect((error as IntakeError).code).toBe("blocked_address");
    expect((error as IntakeError).message).toMatch(/localhost:8080 \((127\.0\.0\.1|::1)\)/);
  });
});
