import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Button } from "@/components/ui/button";
import { Field, FieldControl, FieldError, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

function render(invalid: boolean) {
  return renderToStaticMarkup(
    <Field controlId="bucket" invalid={invalid}>
      <FieldLabel>S3 bucket</FieldLabel>
      <FieldControl>
        <Input name="bucket" />
      </FieldControl>
      <FieldError errors={[{ message: "Required" }, { message: "Required" }, undefined]} />
    </Field>,
  );
}

describe("Field", () => {
  it("points the label at the control", () => {
    const html = render(false);
    expect(html).toContain('for="bucket"');
    expect(html).toMatch(/<input[^>]*id="bucket"/);
    expect(html).toMatch(/<input[^>]*data-slot="input"/);
  });

  it("marks the control invalid and describes it by the live error text", () => {
    const html = render(true);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<input[^>]*aria-describedby="bucket-error"/);
    expect(html).toMatch(/<div[^>]*id="bucket-error"[^>]*aria-live="polite"[^>]*>Required<\/div>/);
  });

  it("leaves a valid control without aria-invalid or a dangling description", () => {
    const html = render(false);
    expect(html).not.toContain('aria-invalid="');
    expect(html).not.toContain('aria-describedby="');
  });
});

describe("Button", () => {
  it("is busy and disabled while loading", () => {
    const html = renderToStaticMarkup(<Button loading>Start import</Button>);
    expect(html).toMatch(/<button[^>]*aria-busy="true"/);
    expect(html).toMatch(/<button[^>]*disabled=""/);
    expect(html).toContain('data-slot="spinner"');
    expect(html).toContain("Start import");
  });
});
