// What every CloudTrail operation handler receives, and the shared input check.
import type { ImportEngine } from "../engine/import-engine.ts";
import type { Caller } from "../identity/callers.ts";
import { LakeError } from "../protocol/errors.ts";
import { describeViolations, validateInput, type StructureShape } from "../protocol/validate.ts";
import type { OngoingScope } from "../rules/lookup-throttle.ts";
import type { LakeState } from "../state/lake-state.ts";

export type OpContext = {
  state: LakeState;
  engine: ImportEngine;
  dataDir: string;
  caller: Caller;
  region: string;
  requestId: string;
  now: number;
  sourceIp: string;
  userAgent: string;
  ongoingScope: OngoingScope;
};

export type OpInput = Record<string, unknown>;
export type OpOutput = Record<string, unknown>;
export type OpHandler = (input: OpInput, ctx: OpContext) => OpOutput | Promise<OpOutput>;

/**
 * Validates `input` against the operation's model shape and returns the cleaned members
 * (timestamps as epoch ms). Constraint violations throw `code` (InvalidParameterException unless
 * the operation models a more specific error) with AWS's "N validation errors detected" text.
 */
export function checkInput<T>(
  shape: StructureShape,
  input: OpInput,
  code: string | ((errors: string[]) => string) = "InvalidParameterException",
): T {
  const { value, errors } = validateInput(shape, input);
  if (errors.length > 0) {
    throw new LakeError(typeof code === "string" ? code : code(errors), describeViolations(errors));
  }
  return value as T;
}

/** Picks the modeled paging error for violations on `maxResults` / `nextToken`, else `fallback`. */
export function pagingErrorCode(fallback: string): (errors: string[]) => string {
  return (errors) => {
    if (errors.some((e) => e.includes("at 'maxResults'"))) return "InvalidMaxResultsException";
    if (errors.some((e) => e.includes("at 'nextToken'"))) return "InvalidNextTokenException";
    return fallback;
  };
}
