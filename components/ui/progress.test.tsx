import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { clampProgress, Progress } from "@/components/ui/progress";

describe("clampProgress", () => {
  it("keeps values inside 0..max", () => {
    expect(clampProgress(42, 100)).toEqual({ value: 42, max: 100 });
    expect(clampProgress(150, 100)).toEqual({ value: 100, max: 100 });
    expect(clampProgress(-5, 10)).toEqual({ value: 0, max: 10 });
  });

  it("treats missing or NaN values as indeterminate", () => {
    expect(clampProgress(null, 10)).toEqual({ value: null, max: 10 });
    expect(clampProgress(undefined)).toEqual({ value: null, max: 100 });
    expect(clampProgress(Number.NaN, 10)).toEqual({ value: null, max: 10 });
  });

  it("falls back to a max of 100 when max is not a positive number", () => {
    expect(clampProgress(5, 0)).toEqual({ value: 5, max: 100 });
    expect(clampProgress(5, Number.POSITIVE_INFINITY)).toEqual({ value: 5, max: 100 });
  });
});

describe("Progress", () => {
  it("renders a named progressbar with its clamped value", () => {
    const html = renderToStaticMarkup(<Progress label="Import progress" value={120} max={60} />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Import progress"');
    expect(html).toContain('aria-valuemax="60"');
    expect(html).toContain('aria-valuenow="60"');
  });

  it("omits aria-valuenow while indeterminate, and never draws a full bar then", () => {
    const html = renderToStaticMarkup(<Progress label="Import progress" />);
    expect(html).toContain('role="progressbar"');
    expect(html).not.toContain("aria-valuenow");
    expect(html).toContain("w-1/3");
    expect(html).not.toContain("translateX(-0%)");
  });
});
