import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Docker's rules, as far as this file uses them: one pattern per line, `*` within a path segment, a later
// `!pattern` re-includes, and the last matching line wins.
function excluded(path: string, lines: readonly string[]): boolean {
  let result = false;
  for (const raw of lines) {
    const negated = raw.startsWith("!");
    const pattern = negated ? raw.slice(1) : raw;
    const regex = new RegExp(
      `^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/.*)?$`,
    );
    if (regex.test(path)) result = !negated;
  }
  return result;
}

const lines = readFileSync(".dockerignore", "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));

describe(".dockerignore", () => {
  it.each([".env", ".env.production", ".env.local", ".env.production.local", ".env.development"])(
    "keeps %s out of the build context (and so out of the image)",
    (file) => expect(excluded(file, lines)).toBe(true),
  );

  it("lets the documented example in", () => {
    expect(excluded(".env.example", lines)).toBe(false);
  });
});
