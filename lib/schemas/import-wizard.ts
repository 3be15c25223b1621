// The new-import wizard's schemas: the form holds text (dates as `YYYY-MM-DDTHH:mm`, read as
// UTC), and each step's schema takes the whole form, checks its own fields with the import's
// rules and passes the others through. So `z.input` of any step is the form's value type, and a
// plain zodResolver validates a step. No "server-only": the browser runs these.
import { z } from "zod";
import { checkDateRange, importFields, instantSchema } from "./import";

const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * A `datetime-local` value, read as UTC, as the import schema's zoned instant (`…Z`). Empty stays
 * `undefined` (no bound); anything else passes through for the schema to reject.
 */
export function toUtcInstant(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (LOCAL_MINUTE.test(trimmed)) return `${trimmed}:00Z`;
  if (LOCAL_SECOND.test(trimmed)) return `${trimmed}Z`;
  return trimmed;
}

/** A typed field: trimmed, and empty reads "… is required" with the field schema's own words. */
function typed(schema: z.ZodType<string, string>) {
  const required = schema.safeParse(undefined).error?.issues[0]?.message ?? "Required";
  return z.string({ error: required }).trim().min(1, required).pipe(schema);
}

/** A typed time bound: empty means none. */
function typedInstant(label: string) {
  // Typed as the instant schema's input so the pipe accepts it.
  return z
    .string()
    .transform((value): string | Date | undefined => toUtcInstant(value))
    .pipe(instantSchema(label).optional());
}

const checked = {
  destination: typed(importFields.shape.destination),
  s3Uri: typed(importFields.shape.s3Uri),
  bucketRegion: typed(importFields.shape.bucketRegion),
  roleArn: typed(importFields.shape.roleArn),
  startTime: typedInstant("Start time"),
  endTime: typedInstant("End time"),
};

/** The form's fields unchecked: what a step passes through for the steps it doesn't own. */
const form = z.object({
  destination: z.string(),
  s3Uri: z.string(),
  bucketRegion: z.string(),
  roleArn: z.string(),
  startTime: z.string(),
  endTime: z.string(),
});

/** The wizard's steps in order. */
export const importWizardStepIdSchema = z.enum([
  "destination",
  "source",
  "role",
  "dates",
  "review",
]);
export type ImportWizardStepId = z.output<typeof importWizardStepIdSchema>;
export const IMPORT_WIZARD_STEP_IDS = importWizardStepIdSchema.options;

/** Each step's title and the form fields it owns; review checks them all. */
const STEP_INFO = {
  destination: { title: "Destination", fields: ["destination"] },
  source: { title: "Source", fields: ["s3Uri", "bucketRegion"] },
  role: { title: "Access role", fields: ["roleArn"] },
  dates: { title: "Time range", fields: ["startTime", "endTime"] },
  review: { title: "Review", fields: [] },
} as const satisfies Record<
  ImportWizardStepId,
  { title: string; fields: readonly (keyof typeof form.shape)[] }
>;

/** A step's id, title and fields. */
export function wizardStep(id: ImportWizardStepId) {
  return { id, ...STEP_INFO[id] };
}

export const IMPORT_WIZARD_STEPS = IMPORT_WIZARD_STEP_IDS.map(wizardStep);

/** Each step's schema, over the whole form. */
export const importWizardStepSchemas = {
  destination: form.extend({ destination: checked.destination }),
  source: form.extend({ s3Uri: checked.s3Uri, bucketRegion: checked.bucketRegion }),
  role: form.extend({ roleArn: checked.roleArn }),
  dates: form
    .extend({ startTime: checked.startTime, endTime: checked.endTime })
    .superRefine(checkDateRange),
  review: form.extend(checked).superRefine(checkDateRange),
};

/** The wizard form's values: text as typed. */
export type WizardValues = z.input<typeof importWizardStepSchemas.review>;

/** Whether `value` names a wizard step. */
export function isImportWizardStepId(value: unknown): value is ImportWizardStepId {
  return importWizardStepIdSchema.safeParse(value).success;
}

/** Whether `name` is one of the form's fields. */
export function isWizardField(name: string): name is keyof WizardValues {
  return Object.hasOwn(form.shape, name);
}

/** The step that owns `field`, if any (review owns none). */
export function stepOfField(field: string): ImportWizardStepId | undefined {
  return IMPORT_WIZARD_STEPS.find((step) => (step.fields as readonly string[]).includes(field))?.id;
}
