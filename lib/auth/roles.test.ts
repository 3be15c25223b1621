import { describe, expect, it } from "vitest";
import {
  groupsFromClaim,
  hasRole,
  parseRoles,
  readClaim,
  roleLabel,
  rolesFromClaims,
} from "./roles";

const config = {
  claim: "groups",
  operatorGroups: ["imports-operators"],
  viewerGroups: ["imports-viewers", "security-readers"],
};

describe("rolesFromClaims", () => {
  it("makes an operator group member an operator, which implies viewer", () => {
    expect(rolesFromClaims({ groups: ["imports-operators"] }, config)).toEqual([
      "operator",
      "viewer",
    ]);
  });

  it("makes any viewer group member a viewer only", () => {
    expect(rolesFromClaims({ groups: ["security-readers"] }, config)).toEqual(["viewer"]);
    expect(rolesFromClaims({ groups: ["other", "imports-viewers"] }, config)).toEqual(["viewer"]);
  });

  it("gives operator when a user is in both kinds of group", () => {
    expect(rolesFromClaims({ groups: ["imports-viewers", "imports-operators"] }, config)).toEqual([
      "operator",
      "viewer",
    ]);
  });

  it("gives no role for no groups, unrelated groups, or a missing claim", () => {
    expect(rolesFromClaims({ groups: [] }, config)).toEqual([]);
    expect(rolesFromClaims({ groups: ["everyone"] }, config)).toEqual([]);
    expect(rolesFromClaims({}, config)).toEqual([]);
  });

  it("accepts a single group as a plain string", () => {
    expect(rolesFromClaims({ groups: "imports-operators" }, config)).toEqual([
      "operator",
      "viewer",
    ]);
  });

  it("compares group names exactly", () => {
    expect(
      rolesFromClaims({ groups: ["Imports-Operators", "imports-operators-x"] }, config),
    ).toEqual([]);
  });

  it("reads the claim named in configuration, including dotted paths", () => {
    const keycloak = {
      realm_access: { roles: ["imports-operators"] },
      groups: ["imports-viewers"],
    };
    expect(rolesFromClaims(keycloak, { ...config, claim: "realm_access.roles" })).toEqual([
      "operator",
      "viewer",
    ]);
    expect(rolesFromClaims({ roles: ["imports-viewers"] }, { ...config, claim: "roles" })).toEqual([
      "viewer",
    ]);
  });

  it("prefers a literal claim name containing dots or colons over a path", () => {
    expect(
      rolesFromClaims(
        { "cognito:groups": ["imports-viewers"] },
        { ...config, claim: "cognito:groups" },
      ),
    ).toEqual(["viewer"]);
    const namespaced = { "https://corp.example/groups": ["imports-operators"] };
    expect(
      rolesFromClaims(namespaced, { ...config, claim: "https://corp.example/groups" }),
    ).toEqual(["operator", "viewer"]);
  });

  it("ignores non-string entries and whitespace", () => {
    expect(
      rolesFromClaims(
        { groups: [42, null, { name: "imports-operators" }, " imports-viewers "] },
        config,
      ),
    ).toEqual(["viewer"]);
  });

  it("cannot be tricked through the prototype chain", () => {
    expect(readClaim({}, "constructor")).toBeUndefined();
    expect(readClaim({ a: {} }, "a.toString")).toBeUndefined();
  });
});

describe("groupsFromClaim", () => {
  it("returns [] for values that are not strings or arrays", () => {
    expect(groupsFromClaim(undefined)).toEqual([]);
    expect(groupsFromClaim(7)).toEqual([]);
    expect(groupsFromClaim({ 0: "x" })).toEqual([]);
    expect(groupsFromClaim("  ")).toEqual([]);
  });
});

describe("parseRoles", () => {
  it("keeps known roles in canonical order and drops the rest", () => {
    expect(parseRoles(["viewer", "admin", "operator"])).toEqual(["operator", "viewer"]);
    expect(parseRoles("operator")).toEqual([]);
  });

  it("restores the operator → viewer implication", () => {
    expect(parseRoles(["operator"])).toEqual(["operator", "viewer"]);
  });
});

describe("hasRole and roleLabel", () => {
  it("lets operators do what viewers can, not the other way round", () => {
    expect(hasRole(["operator", "viewer"], "viewer")).toBe(true);
    expect(hasRole(["operator"], "viewer")).toBe(true);
    expect(hasRole(["viewer"], "operator")).toBe(false);
    expect(hasRole([], "viewer")).toBe(false);
  });

  it("labels the strongest role", () => {
    expect(roleLabel(["operator", "viewer"])).toBe("Operator");
    expect(roleLabel(["viewer"])).toBe("Viewer");
    expect(roleLabel([])).toBeNull();
  });
});
