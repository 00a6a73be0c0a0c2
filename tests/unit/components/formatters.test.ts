import { describe, expect, it } from "vitest";
import { formatBytes } from "../../../src/components/formatBytes";
import { formatCountdown } from "../../../src/components/formatCountdown";

describe("formatCountdown", () => {
  it("reads like a clock, rounding partial seconds up", () => {
    expect(formatCountdown(245_000)).toBe("4:05");
    expect(formatCountdown(3_599_000)).toBe("59:59");
    expect(formatCountdown(3_600_000)).toBe("1:00:00");
    expect(formatCountdown(3_600_001)).toBe("1:00:01");
    expect(formatCountdown(1)).toBe("0:01");
  });

  it("says expired once the time has passed", () => {
    expect(formatCountdown(0)).toBe("expired");
    expect(formatCountdown(-5_000)).toBe("expired");
    expect(formatCountdown(Number.NaN)).toBe("expired");
  });
});

describe("formatBytes", () => {
  it("uses decimal units with one decimal below ten", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(980)).toBe("980 bytes");
    expect(formatBytes(1_400_000)).toBe("1.4 MB");
    expect(formatBytes(2_000_000)).toBe("2 MB");
    expect(formatBytes(12_345_678)).toBe("12 MB");
    expect(formatBytes(5_000_000_000_000_000)).toBe("5000 TB");
  });

  it("admits not knowing", () => {
    expect(formatBytes(-1)).toBe("unknown size");
  });
});
