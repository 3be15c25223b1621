// Table-driven rejection tests for the validation suites.
import { expect, it } from "vitest";
import { errorOf } from "./lake-harness.ts";

/** [test name, the failing call, expected error name, text the message contains or matches]. */
export type Case = [
  name: string,
  send: () => Promise<unknown>,
  error: string,
  message?: string | RegExp,
];

/** Declares one test per case: the call fails with that error and a 4–1000 character message. */
export function itRejects(cases: Case[]): void {
  it.each(cases)("%s", async (_name, send, code, message) => {
    const error = await errorOf(send);
    expect(error.name).toBe(code);
    if (typeof message === "string") expect(error.message).toContain(message);
    else if (message) expect(error.message).toMatch(message);
    expect(error.message.length).toBeGreaterThanOrEqual(4);
    expect(error.message.length).toBeLessThanOrEqual(1000);
  });
}
