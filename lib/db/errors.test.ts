import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, toDatabaseError, unavailableReason } from "./errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("unavailableReason", () => {
  it("names connection failures, also inside Drizzle's wrapper and pg's AggregateError", () => {
    expect(unavailableReason(withCode("connect ECONNREFUSED", "ECONNREFUSED"))).toBe(
      "ECONNREFUSED",
    );
    const wrapped = new Error("Failed query: select 1", {
      cause: new AggregateError([withCode("refused", "ECONNREFUSED")]),
    });
    expect(unavailableReason(wrapped)).toBe("ECONNREFUSED");
    expect(unavailableReason(withCode("the database system is starting up", "57P03"))).toBe(
      "SQLSTATE 57P03",
    );
  });

  it("leaves query bugs alone so they surface as bugs", () => {
    const bug = withCode('relation "nope" does not exist', "42P01");
    expect(unavailableReason(bug)).toBeUndefined();
    expect(toDatabaseError(bug)).toBe(bug);
    expect(toDatabaseError(withCode("x", "ETIMEDOUT"))).toBeInstanceOf(DatabaseUnavailableError);
  });
});
