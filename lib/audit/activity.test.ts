import { describe, expect, it } from "vitest";
import { toActivityInput } from "./activity";

const time = new Date("2030-01-01T00:00:00.000Z");

describe("toActivityInput", () => {
  it("names what the person did and tells our refusals from AWS's failures", () => {
    const refused = toActivityInput(
      { actor: { id: "a" }, action: "retry-import", result: "rate_limited", message: "Wait." },
      time,
    );
    expect(refused).toMatchObject({
      action: "retry",
      outcome: "refused",
      errorCode: "rate_limited",
      errorMessage: "Wait.",
    });
    const failed = toActivityInput(
      {
        actor: { id: "a" },
        action: "start-import",
        result: "aws",
        detail: { awsCode: "ThrottlingException" },
      },
      time,
    );
    expect(failed).toMatchObject({
      action: "start",
      outcome: "failed",
      errorCode: "ThrottlingException",
    });
  });

  it("records ticket issue and redemption, and keeps action names it has no mapping for", () => {
    const request = { requestId: "req-1", clientAddress: "203.0.113.9" };
    expect(
      toActivityInput({ actor: null, action: "embed-ticket", result: "ok" }, time, request),
    ).toMatchObject({ action: "ticket-issue", outcome: "ok", ...request, occurredAt: time });
    expect(
      toActivityInput({ actor: null, action: "embed-redeem", result: "unauthenticated" }, time),
    ).toMatchObject({ action: "ticket-redeem", outcome: "refused" });
    expect(
      toActivityInput({ actor: { id: "a" }, action: "plan-approve", result: "ok" }, time).action,
    ).toBe("plan-approve");
  });

  it("leaves out an empty email and a time range nobody gave", () => {
    const entry = toActivityInput(
      { actor: { id: "a", email: "" }, action: "sign-out", result: "ok" },
      time,
    );
    expect(entry.actorEmail).toBeUndefined();
    expect(entry.timeRange).toBeUndefined();
    expect(entry.errorCode).toBeUndefined();
  });
});
