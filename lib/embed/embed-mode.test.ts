import { describe, expect, it } from "vitest";
import { decideEmbedMode } from "./embed-mode";

describe("decideEmbedMode", () => {
  it("embeds a document loaded into a frame and remembers it", () => {
    expect(decideEmbedMode({ secFetchDest: "iframe", embedParam: null, hasCookie: false })).toEqual(
      { embedded: true, cookie: "set" },
    );
  });

  it("embeds on ?embed=1 even top-level", () => {
    expect(
      decideEmbedMode({ secFetchDest: "document", embedParam: "1", hasCookie: false }),
    ).toEqual({ embedded: true, cookie: "set" });
  });

  it("keeps the compact layout for client-side navigations inside the frame", () => {
    expect(decideEmbedMode({ secFetchDest: "empty", embedParam: null, hasCookie: true })).toEqual({
      embedded: true,
      cookie: "keep",
    });
  });

  it("ends embedded mode on a top-level document load or ?embed=0", () => {
    expect(
      decideEmbedMode({ secFetchDest: "document", embedParam: null, hasCookie: true }),
    ).toEqual({ embedded: false, cookie: "clear" });
    expect(decideEmbedMode({ secFetchDest: "empty", embedParam: "0", hasCookie: true })).toEqual({
      embedded: false,
      cookie: "clear",
    });
  });

  it("is not embedded by default", () => {
    expect(decideEmbedMode({ secFetchDest: null, embedParam: null, hasCookie: false })).toEqual({
      embedded: false,
      cookie: "keep",
    });
  });
});
