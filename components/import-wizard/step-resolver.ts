import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { type WizardValues, toImportInput, wizardValuesSchema } from "@/lib/imports/wizard-draft";
import { type ImportWizardStepId, importWizardStepSchemas } from "@/lib/schemas/import";

/** The action's input shape with empty fields left out, so they read "… is required". */
function toSchemaInput(values: WizardValues): Partial<ReturnType<typeof toImportInput>> {
  return Object.fromEntries(
    Object.entries(toImportInput(wizardValuesSchema.parse(values))).filter(
      ([, value]) => value !== "",
    ),
  );
}

/**
 * A resolver that checks only `step`'s fields with that step's schema (review checks them all).
 * The form keeps typed strings; dates are converted to zoned UTC instants before parsing.
 */
export function stepResolver(step: ImportWizardStepId): Resolver<WizardValues> {
  // The schema's input type for dates is `unknown` (they are preprocessed), so the resolver is
  // typed by the form's string values instead; `raw` keeps the strings as the submitted values.
  const resolve = zodResolver(importWizardStepSchemas[step], undefined, {
    raw: true,
  }) as unknown as Resolver<Partial<ReturnType<typeof toImportInput>>>;
  return async (values, context, options) => {
    const result = await resolve(
      toSchemaInput(values),
      context,
      options as unknown as Parameters<typeof resolve>[2],
    );
    return Object.keys(result.errors).length > 0
      ? { values: {}, errors: result.errors }
      : { values, errors: {} };
  };
}
