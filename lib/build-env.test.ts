import { describe, expect, it } from "vitest";
import { parseBuildEnv } from "./build-env";

describe("parseBuildEnv", () => {
  it("defaults to no basePath and no extra server-action origins", () => {
    expect(parseBuildEnv({})).toEqual({ NEXT_BASE_PATH: "", SERVER_ACTIONS_ALLOWED_ORIGINS: [] });
  });

  it("accepts a basePath and host patterns", () => {
    const env = parseBuildEnv({
      NEXT_BASE_PATH: "/tools/imports",
      SERVER_ACTIONS_ALLOWED_ORIGINS: "portal.corp.example, *.corp.example, localhost:5175",
    });
    expect(env.NEXT_BASE_PATH).toBe("/tools/imports");
    expect(env.SERVER_ACTIONS_ALLOWED_ORIGINS).toEqual([
      "portal.corp.example",
      "*.corp.example",
      "localhost:5175",
    ]);
  });

  it.each(["imports", "/imports/", "/imp orts", "https://x.example/imports"])(
    "refuses the basePath %s",
    (value) => {
      expect(() => parseBuildEnv({ NEXT_BASE_PATH: value })).toThrowError(
        /NEXT_BASE_PATH: must be empty or a path/,
      );
    },
  );

  it("refuses wildcards that allow everyone and origins with a scheme", () => {
    expect(() => parseBuildEnv({ SERVER_ACTIONS_ALLOWED_ORIGINS: "**" })).toThrowError(
      /SERVER_ACTIONS_ALLOWED_ORIGINS\.0: must not be a bare/,
    );
    expect(() =>
      parseBuildEnv({ SERVER_ACTIONS_ALLOWED_ORIGINS: "ok.example,https://portal.example" }),
    ).toThrowError(/SERVER_ACTIONS_ALLOWED_ORIGINS\.1: must list host names/);
  });

  it("refuses a wildcard over a public suffix, and keeps one inside your own domain", () => {
    for (const pattern of ["*.com", "**.co.uk", "*.vercel.app", "portal.*.com"])
      expect(
        () => parseBuildEnv({ SERVER_ACTIONS_ALLOWED_ORIGINS: pattern }),
        pattern,
      ).toThrowError(
        /SERVER_ACTIONS_ALLOWED_ORIGINS\.0: must not put a wildcard over a public suffix/,
      );
    expect(
      parseBuildEnv({ SERVER_ACTIONS_ALLOWED_ORIGINS: "*.corp.example, portal.example.co.uk:8443" })
        .SERVER_ACTIONS_ALLOWED_ORIGINS,
    ).toEqual(["*.corp.example", "portal.example.co.uk:8443"]);
  });
});
