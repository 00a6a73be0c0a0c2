import { describe, expect, it } from "vitest";
import { isHttpsOrLoopback, isLoopbackHost } from "../../../src/lib/isHttpsOrLoopback";

describe("isHttpsOrLoopback", () => {
  it("knows the loopback hosts and nothing else", () => {
    expect(["localhost", "LOCALHOST", "127.0.0.1", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["127.0.0.2", "::1", "example.com", "0.0.0.0"].some(isLoopbackHost)).toBe(false);
  });

  it.each([
    ["https anywhere", "https://login.mediavalet.com/x", true],
    ["http on localhost", "http://localhost:4010", true],
    ["http on 127.0.0.1", "http://127.0.0.1:4020/api", true],
    ["http on [::1]", "http://[::1]:5173/", true],
    ["http to another machine", "http://login.mediavalet.com", false],
    ["http to a look-alike host", "http://127.0.0.1.evil.example", false],
    ["another scheme", "ftp://localhost/", false],
    ["javascript:", "javascript:alert(1)", false],
  ])("%s: %s", (_, url, expected) => {
    expect(isHttpsOrLoopback(new URL(url))).toBe(expected);
  });
});
