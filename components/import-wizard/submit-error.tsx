import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { wizardStep } from "@/lib/schemas/import-wizard";
import type { SubmitProblem } from "@/lib/hooks/use-start-import";

/** The form-level error after pressing Start: the mapped sentence plus where to act on it. */
export function SubmitError({ problem }: { problem: SubmitProblem }) {
  const stepTitle = problem.step ? wizardStep(problem.step).title : undefined;
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
