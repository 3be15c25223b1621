import { WizardSkeleton } from "@/components/import-wizard/wizard-skeleton";

export default function NewImportLoading() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">New import</h1>
      <WizardSkeleton />
    </div>
  );
}
