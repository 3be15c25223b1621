import { describe, expect, it } from "vitest";
import { formatAuditLine } from "./index";

describe("formatAuditLine", () => {
  const time = new Date("2026-11-23T10:00:00.000Z");

  it("writes one JSON line with the fixed envelope", () => {
    const line = formatAuditLine(
      {
        actor: { id: "alice", email: "alice@example.test" },
        action: "stop-import",
        importId: "a".repeat(36),
        result: "ok",
      },
      time,
    );
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      level: "info",
      type: "audit",
      time: "2026-11-23T10:00:00.000Z",
      actor: { id: "alice", email: "alice@example.test" },
      action: "stop-import",
      importId: "a".repeat(36),
      result: "ok",
    });
  });

  it("names the request and the client address it came from", () => {
    const line = formatAuditLine(
      { actor: null, action: "embed-ticket", result: "forbidden" },
      time,
      {
        requestId: "4f6c1f0e-1111-4222-8333-944455556666",
        clientAddress: "203.0.113.7",
      },
    );
    expect(JSON.parse(line)).toMatchObject({
      requestId: "4f6c1f0e-1111-4222-8333-944455556666",
      clientAddress: "203.0.113.7",
    });
  });

  it("redacts secret-looking detail keys and trims long values", () => {
    const line = formatAuditLine(
      {
        actor: null,
        action: "start-import",
        result: "aws",
        detail: {
          sessionToken: "FwoGZX",
          clientSecret: "s3cr3t",
          errorName: "AccessDenied",
          long: "x".repeat(600),
          skip: undefined,
        },
      },
      time,
    );
    expect(line).not.toContain("FwoGZX");
    expect(line).not.toContain("s3cr3t");
    const parsed = JSON.parse(line) as { detail: Record<string, unknown>; actor: unknown };
    expect(parsed.actor).toBeNull();
    expect(parsed.detail.sessionToken).toBe("[redacted]");
    expect(parsed.detail.errorName).toBe("AccessDenied");
    expect(String(parsed.detail.long)).toHaveLength(501);
    expect("skip" in parsed.detail).toBe(false);
  });

  it("keeps a newline in a value from splitting the line", () => {
    const line = formatAuditLine({ actor: { id: "a\nb" }, action: "sign-in", result: "ok" }, time);
    expect(line.split("\n")).toHaveLength(1);
  });
});
