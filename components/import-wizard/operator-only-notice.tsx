import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** What a viewer sees on /imports/new: why they can't start imports and whom to ask. */
export function OperatorOnlyNotice({
  name,
  operatorGroups,
}: {
  name: string;
  operatorGroups: readonly string[];
}) {
  return (
    <Alert role="note">
      <AlertTitle>Only operators can start imports</AlertTitle>
      <AlertDescription>
        <p>
          You are signed in as {name} with the viewer role, which can watch imports but not start,
          stop or retry them. Starting an import writes to a CloudTrail Lake event data store, so it
          needs the operator role.
        </p>
        <p>
          To get it, ask your identity-provider administrator (or whoever runs Trail Imports) to add
          you to {operatorGroups.length === 1 ? "the group" : "one of the groups"}{" "}
          <strong>{operatorGroups.join(", ")}</strong>, then sign out and in again.
        </p>
        <p>
          <Link href="/imports" className="underline underline-offset-4">
            Back to the imports
          </Link>
        </p>
      </AlertDescription>
    </Alert>
  );
}
