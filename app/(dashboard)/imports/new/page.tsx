import type { Metadata } from "next";
import { Suspense } from "react";
import { AllowedChoicesProvider } from "@/components/import-wizard/allowed-choices";
import { NewImportWizard } from "@/components/import-wizard/new-import-wizard";
import { OperatorOnlyNotice } from "@/components/import-wizard/operator-only-notice";
import { WizardSkeleton } from "@/components/import-wizard/wizard-skeleton";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { loadWizardStores } from "@/lib/cloudtrail/wizard-stores";
import { serverEnv } from "@/lib/env";

export const metadata: Metadata = { title: "New import" };

export default async function NewImportPage() {
  const user = await requireUser("/imports/new");
  const operator = hasRole(user.roles, "operator");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">New import</h1>
        <p className="text-muted-foreground">
          Copy CloudTrail logs from S3 into a CloudTrail Lake event data store: choose the store,
          the S3 location of the logs, the role CloudTrail uses to read them, and the time range.
        </p>
      </div>
      {operator ? (
        <Suspense fallback={<WizardSkeleton />}>
          <AllowedChoicesProvider
            value={{
              roles: serverEnv().IMPORT_ALLOWED_ROLE_ARNS,
              buckets: serverEnv().IMPORT_ALLOWED_BUCKETS,
            }}
          >
            <NewImportWizard load={await loadWizardStores(user)} />
          </AllowedChoicesProvider>
        </Suspense>
      ) : (
        <OperatorOnlyNotice name={user.name} operatorGroups={serverEnv().OPERATOR_GROUPS} />
      )}
    </div>
  );
}
