import { describe, expect, it } from "vitest";
import { authCookies, embeddingEnabled, IDP_COOKIE_NAMES, usesSecureCookies } from "./cookies";

const names = (secure: boolean) => Object.values(authCookies(secure)).map((cookie) => cookie.name);

describe("authCookies", () => {
  it("names every next-auth cookie and never reuses an oidc-provider name", () => {
    for (const secure of [false, true]) {
      const all = names(secure);
      expect(all).toHaveLength(6);
      for (const idp of IDP_COOKIE_NAMES) {
        expect(
          all.some((name) => name === idp || name.startsWith(`${idp}.`) || idp.startsWith(name)),
        ).toBe(false);
      }
      expect(
        all.every((name) => !name.startsWith("next-auth") && !name.includes(".next-auth")),
      ).toBe(true);
    }
  });

  it("keeps the session cookie from being a prefix of another cookie (next-auth reads chunks by prefix)", () => {
    for (const secure of [false, true]) {
      const cookies = authCookies(secure);
      const session = cookies.sessionToken.name;
      const others = names(secure).filter((name) => name !== session);
      expect(others.some((name) => name.startsWith(session))).toBe(false);
    }
  });

  it("scopes every cookie to the basePath, so other apps on a shared portal host never get the session", () => {
    for (const embedded of [false, true]) {
      const cookies = Object.values(authCookies(true, embedded, "/imports"));
      expect(cookies.map((cookie) => cookie.options.path)).toEqual(Array(6).fill("/imports"));
      // __Host- requires Path=/; under a basePath no cookie may claim it.
      expect(cookies.some((cookie) => cookie.name.startsWith("__Host-"))).toBe(false);
    }
    expect(Object.values(authCookies(true, false)).map((cookie) => cookie.options.path)).toEqual(
      Array(6).fill("/"),
    );
  });

  it("uses Secure and the __Secure-/__Host- prefixes only over https", () => {
    const secure = authCookies(true);
    expect(secure.sessionToken.name).toBe("__Secure-trail-imports.session-token");
    expect(secure.csrfToken.name).toBe("__Host-trail-imports.csrf-token");
    expect(
      Object.values(secure).every(
        (cookie) => cookie.options.secure === true && cookie.options.httpOnly === true,
      ),
    ).toBe(true);
    const plain = authCookies(false);
    expect(plain.sessionToken.name).toBe("trail-imports.session-token");
    expect(Object.values(plain).every((cookie) => cookie.options.secure === false)).toBe(true);
  });

  it("derives secure mode from NEXTAUTH_URL", () => {
    expect(usesSecureCookies("https://imports.corp.example")).toBe(true);
    expect(usesSecureCookies("http://127.0.0.1:3000")).toBe(false);
  });
});

describe("authCookies when embedded in a portal", () => {
  it("makes every cookie SameSite=None, Secure and Partitioned, even over http loopback", () => {
    for (const secure of [false, true]) {
      for (const cookie of Object.values(authCookies(secure, true))) {
        expect(cookie.options).toMatchObject({
          sameSite: "none",
          secure: true,
          partitioned: true,
          httpOnly: true,
        });
      }
    }
    expect(
      Object.values(authCookies(true, false)).every((cookie) => cookie.options.sameSite === "lax"),
    ).toBe(true);
  });

  it("switches on when EMBED_ALLOWED_ORIGINS lists a portal", () => {
    expect(embeddingEnabled({ EMBED_ALLOWED_ORIGINS: "https://portal.corp.example" })).toBe(true);
    expect(embeddingEnabled({ EMBED_ALLOWED_ORIGINS: " , " })).toBe(false);
    expect(embeddingEnabled({})).toBe(false);
  });
});
