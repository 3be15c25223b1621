// Reads the botocore model copies in local/lake/model/ (S3, IAM, Organizations) and turns an
// operation's input shape into validate.ts shapes, so those services' requests are checked
// against the official model itself rather than a transcription of it.
import { readFileSync } from "node:fs";
import type { Member, Shape, StructureShape } from "./validate.ts";

type BotoMember = { shape: string; location?: string; locationName?: string };
type BotoShape = {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  members?: Record<string, BotoMember>;
  member?: BotoMember;
};
export type BotoModel = {
  metadata: Record<string, string>;
  operations: Record<string, { input?: { shape: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, BotoShape>;
};

/** Where a REST member travels: the URI, the query string or a header, under `name`. */
export type WireMember = {
  member: string;
  location: "uri" | "querystring" | "header";
  name: string;
};

/** Loads `local/lake/model/<file>`. */
export function loadModel(file: string): BotoModel {
  return JSON.parse(
    readFileSync(new URL(`../model/${file}`, import.meta.url), "utf8"),
  ) as BotoModel;
}

function convert(model: BotoModel, name: string): Shape {
  const s = model.shapes[name];
  if (!s) throw new Error(`model has no shape ${name}`);
  const bounds = {
    ...(s.min === undefined ? {} : { min: s.min }),
    ...(s.max === undefined ? {} : { max: s.max }),
  };
  switch (s.type) {
    case "string":
    case "blob":
      return {
        type: "string",
        ...bounds,
        ...(s.pattern === undefined ? {} : { pattern: s.pattern }),
        ...(s.enum === undefined ? {} : { enum: s.enum }),
      };
    case "integer":
    case "long":
      return { type: "integer", ...bounds };
    case "boolean":
      return { type: "boolean" };
    case "timestamp":
      return { type: "timestamp" };
    case "list":
      return { type: "list", member: convert(model, s.member?.shape ?? ""), ...bounds };
    case "structure": {
      const members: Record<string, Member> = {};
      for (const [key, m] of Object.entries(s.members ?? {})) {
        members[key] = {
          shape: convert(model, m.shape),
          ...((s.required ?? []).includes(key) ? { required: true } : {}),
        };
      }
      return { type: "structure", members };
    }
    default:
      throw new Error(`shape ${name}: type ${s.type} is not supported`);
  }
}

/** The operation's input as a validate.ts structure (empty when the operation has no input). */
export function inputShape(model: BotoModel, operation: string): StructureShape {
  const input = model.operations[operation]?.input?.shape;
  if (input === undefined) return { type: "structure", members: {} };
  const shape = convert(model, input);
  if (shape.type !== "structure") throw new Error(`${operation} input is not a structure`);
  return shape;
}

/** The REST members of an operation's input with their wire locations. */
export function wireMembers(model: BotoModel, operation: string): WireMember[] {
  const input = model.operations[operation]?.input?.shape;
  const members = input === undefined ? {} : (model.shapes[input]?.members ?? {});
  const out: WireMember[] = [];
  for (const [member, m] of Object.entries(members)) {
    if (m.location === "uri" || m.location === "querystring" || m.location === "header")
      out.push({ member, location: m.location, name: m.locationName ?? member });
  }
  return out;
}

/**
 * Rebuilds an awsQuery input from form parameters, guided by the shape: `Name`,
 * `Name.member.N` for lists and `Name.member.N.Sub` for lists of structures. Integers and
 * booleans are converted; a value that is not one stays a string, so validation reports it.
 */
export function decodeQuery(shape: Shape, params: URLSearchParams, prefix = ""): unknown {
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const value = decodeQuery(member.shape, params, prefix === "" ? name : `${prefix}.${name}`);
        if (value !== undefined) out[name] = value;
      }
      return prefix === "" || Object.keys(out).length > 0 ? out : undefined;
    }
    case "list": {
      const items: unknown[] = [];
      for (let i = 1; ; i += 1) {
        const item = decodeQuery(shape.member, params, `${prefix}.member.${i}`);
        if (item === undefined) break;
        items.push(item);
      }
      // `Name=` with no members is how the query protocol sends an empty list.
      return items.length > 0 || params.has(prefix) ? items : undefined;
    }
    case "integer": {
      const raw = params.get(prefix);
      if (raw === null) return undefined;
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    }
    case "boolean": {
      const raw = params.get(prefix);
      return raw === null ? undefined : raw === "true" ? true : raw === "false" ? false : raw;
    }
    default:
      return params.get(prefix) ?? undefined;
  }
}
