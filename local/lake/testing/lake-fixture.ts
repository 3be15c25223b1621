// The Vitest fixture for integration tests: one Lake per test file, started before its tests and
// stopped (with its folder) after them. Files that restart a Lake mid-test call startTestLake.
import { afterAll, beforeAll } from "vitest";
import type { LakeOptions } from "../server.ts";
import { type TestLake, startTestLake } from "./lake-harness.ts";

/**
 * Registers the file's Lake and returns a getter for it (valid from the first test or a later
 * `beforeAll` on). `onStart` runs right after the Lake is up, before any other hook.
 * @example const world = lakeForFile(); it("…", async () => world().client().send(…));
 */
export function lakeForFile(
  options: Partial<LakeOptions> = {},
  onStart?: (world: TestLake) => void,
): () => TestLake {
  let world: TestLake | undefined;
  beforeAll(async () => {
    world = await startTestLake(options);
    onStart?.(world);
  }, 60_000);
  afterAll(async () => {
    await world?.cleanup();
  });
  return () => {
    if (!world)
      throw new Error("The test Lake starts in beforeAll; read it inside a test or hook.");
    return world;
  };
}
