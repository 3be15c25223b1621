import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { IMPORT_WIZARD_STEPS, type ImportWizardStepId } from "@/lib/schemas/import";
import type { ImportRef } from "@/lib/actions/types";

export interface SubmitProblem {
  message: string;
  /** The step holding the field to blame, when there is one. */
  step?: ImportWizardStepId;
  ongoingImport?: ImportRef;
  /** Where to sign in again when the session ended. */
  signInHref?: string;
  requestId?: string;
}

/** The form-level error after pressing Start: the mapped sentence plus where to act on it. */
export function SubmitError({ problem }: { problem: SubmitProblem }) {
  const stepTitle = problem.step
    ? IMPORT_WIZARD_STEPS.find((s) => s.id === problem.step)?.title
    : undefined;
  return (
    <Alert variant="destructive">
      <AlertTitle>The import didn&apos;t start</AlertTitle>
      <AlertDescription>
        <p>{problem.message}</p>
        {problem.ongoingImport ? (
          <p>
            Running import:{" "}
            <Link
              className="font-mono underline underline-offset-4"
              href={`/imports/${problem.ongoingImport.importId}?region=${problem.ongoingImport.region}`}
            >
              {problem.ongoingImport.importId}
            </Link>
          </p>
        ) : null}
        {problem.step && stepTitle ? (
          <p>
            <Link
              className="underline underline-offset-4"
              href={`?step=${problem.step}`}
              scroll={false}
            >
              Fix it on the {stepTitle} step
            </Link>
          </p>
        ) : null}
        {problem.signInHref ? (
          <p>
            <Link className="underline underline-offset-4" href={problem.signInHref}>
              Sign in again
            </Link>{" "}
            (your choices are kept).
          </p>
        ) : null}
        {problem.requestId ? <p>AWS request ID: {problem.requestId}</p> : null}
      </AlertDescription>
    </Alert>
  );
}
