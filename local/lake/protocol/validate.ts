// Validates request members against shapes transcribed from the Smithy model, with AWS's
// ("Coral") wording so clients and tests see what the real service says:
//   1 validation error detected: Value 'X' at 'importId' failed to satisfy constraint: Member must ...
// Wrong JSON types are SerializationExceptions (the request could not be read at all);
// constraint violations are collected and reported together by the caller's chosen error code.
import { serializationError } from "./errors.ts";

export type Shape =
  | { type: "string"; min?: number; max?: number; pattern?: string; enum?: readonly string[] }
  | { type: "integer"; min?: number; max?: number }
  | { type: "timestamp" }
  | { type: "boolean" }
  | { type: "list"; member: Shape; min?: number; max?: number }
  | { type: "structure"; members: Record<string, Member> };

export type Member = { shape: Shape; required?: boolean };

/** A structure shape: the top level of every operation's input. */
export type StructureShape = Extract<Shape, { type: "structure" }>;

const patternCache = new Map<string, RegExp>();

function regex(pattern: string, fullMatch: boolean): RegExp {
  const key = `${fullMatch ? "^" : ""}${pattern}`;
  let re = patternCache.get(key);
  if (!re) {
    re = new RegExp(fullMatch ? `^(?:${pattern})$` : pattern, "u");
    patternCache.set(key, re);
  }
  return re;
}

/** `ImportId` → `importId`, `S3LocationUri` → `s3LocationUri`: AWS names members in lowerCamel. */
function wireName(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => String(v)).join(", ")}]`;
  return String(value);
}

function jsonKind(value: unknown): string {
  if (value === null) return "NULL_VALUE";
  if (Array.isArray(value)) return "START_ARRAY";
  if (typeof value === "object") return "START_OBJECT";
  if (typeof value === "string") return "STRING_VALUE";
  if (typeof value === "boolean") return value ? "VALUE_TRUE" : "VALUE_FALSE";
  return Number.isInteger(value) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
}

function typeError(value: unknown, target: string, path: string): never {
  throw serializationError(`${jsonKind(value)} can not be converted to ${target} (at '${path}')`);
}

type Ctx = { errors: string[]; fullMatch: boolean };

function violation(ctx: Ctx, value: unknown, path: string, rule: string): void {
  ctx.errors.push(
    `Value '${show(value)}' at '${path}' failed to satisfy constraint: Member must ${rule}`,
  );
}

function checkLength(
  ctx: Ctx,
  value: unknown,
  length: number,
  path: string,
  min?: number,
  max?: number,
): void {
  if (min !== undefined && length < min)
    violation(ctx, value, path, `have length greater than or equal to ${min}`);
  if (max !== undefined && length > max)
    violation(ctx, value, path, `have length less than or equal to ${max}`);
}

function checkValue(shape: Shape, value: unknown, path: string, ctx: Ctx): unknown {
  switch (shape.type) {
    case "string": {
      if (typeof value !== "string") return typeError(value, "a String", path);
      checkLength(ctx, value, [...value].length, path, shape.min, shape.max);
      if (shape.pattern !== undefined && !regex(shape.pattern, ctx.fullMatch).test(value)) {
        violation(ctx, value, path, `satisfy regular expression pattern: ${shape.pattern}`);
      }
      if (shape.enum && !shape.enum.includes(value)) {
        violation(ctx, value, path, `satisfy enum value set: [${shape.enum.join(", ")}]`);
      }
      return value;
    }
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value))
        return typeError(value, "an Integer", path);
      if (shape.min !== undefined && value < shape.min)
        violation(ctx, value, path, `have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max)
        violation(ctx, value, path, `have value less than or equal to ${shape.max}`);
      return value;
    }
    case "timestamp":
      // Epoch seconds, integer or fractional (botocore sends ints, the JS SDK getTime()/1000).
      if (typeof value !== "number" || !Number.isFinite(value))
        return typeError(value, "a Timestamp", path);
      return Math.round(value * 1000);
    case "boolean":
      if (typeof value !== "boolean") return typeError(value, "a Boolean", path);
      return value;
    case "list": {
      if (!Array.isArray(value)) return typeError(value, "a List", path);
      checkLength(ctx, value, value.length, path, shape.min, shape.max);
      return value.map((item, i) => checkValue(shape.member, item, `${path}.${i + 1}.member`, ctx));
    }
    case "structure":
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return typeError(value, "a Structure", path);
      }
      return checkStructure(shape, value as Record<string, unknown>, `${path}.`, ctx);
  }
}

function checkStructure(
  shape: StructureShape,
  input: Record<string, unknown>,
  prefix: string,
  ctx: Ctx,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const path = `${prefix}${wireName(name)}`;
    const value = input[name];
    // JSON null is how some clients spell "absent"; AWS treats it the same way.
    if (value === undefined || value === null) {
      if (member.required)
        ctx.errors.push(
          `Value null at '${path}' failed to satisfy constraint: Member must not be null`,
        );
      continue;
    }
    out[name] = checkValue(member.shape, value, path, ctx);
  }
  return out;
}

/** The result of validating one operation's input: cleaned members (timestamps as epoch ms) and violations. */
export type Validated = { value: Record<string, unknown>; errors: string[] };

/**
 * Checks `input` against `shape`. Unknown members are dropped (AWS ignores them); timestamps come
 * back as epoch milliseconds. Throws a SerializationException for a member of the wrong JSON type.
 * `fullMatch` anchors patterns: the botocore models (IAM's `[\w+=,.@-]+`) leave them unanchored
 * while the services match the whole value; CloudTrail's Smithy patterns carry their own anchors.
 */
export function validateInput(
  shape: StructureShape,
  input: Record<string, unknown>,
  opts: { fullMatch?: boolean } = {},
): Validated {
  const ctx: Ctx = { errors: [], fullMatch: opts.fullMatch ?? false };
  const value = checkStructure(shape, input, "", ctx);
  return { value, errors: ctx.errors };
}

/** AWS's summary line: "2 validation errors detected: A; B". */
export function describeViolations(errors: readonly string[]): string {
  const head =
    errors.length === 1
      ? "1 validation error detected"
      : `${errors.length} validation errors detected`;
  return `${head}: ${errors.join("; ")}`;
}
