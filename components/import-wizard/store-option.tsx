import type { UseFormRegisterReturn } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { ineligibleReason, retentionLabel, storeStatusLabel, type WizardStore } from "./store-text";

/**
 * One store as a radio option: name, Region, status, organization flag, retention and KMS.
 * Ineligible stores are disabled and say why; organization stores carry the management-account note.
 */
export function StoreOption({
  store,
  registration,
}: {
  store: WizardStore;
  registration: UseFormRegisterReturn<"destination">;
}) {
  const reason = ineligibleReason(store);
  const id = `store-${store.arn.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const name = store.name ?? store.id ?? store.arn;
  return (
    <label
      htmlFor={id}
      className={cn(
        "flex gap-3 rounded-md border p-3",
        reason
          ? "bg-muted/40 cursor-not-allowed"
          : "has-checked:border-primary has-checked:bg-accent hover:bg-accent/60 cursor-pointer",
        "has-focus-visible:ring-ring has-focus-visible:ring-2",
      )}
    >
      <input
        {...registration}
        id={id}
        type="radio"
        value={store.arn}
        disabled={Boolean(reason)}
        aria-describedby={`${id}-details`}
        className="accent-primary mt-1 size-4 shrink-0"
      />
      <span className="min-w-0 space-y-1">
        <span className="flex flex-wrap items-center gap-2 font-medium">
          {name}
          <Badge variant="outline">{store.region}</Badge>
          <Badge variant={store.acceptsImports ? "secondary" : "outline"}>
            {storeStatusLabel(store.status)}
          </Badge>
          {store.organizationEnabled ? <Badge variant="outline">Organization</Badge> : null}
        </span>
        <span id={`${id}-details`} className="text-muted-foreground block space-y-0.5 text-sm">
          <span className="block font-mono text-xs break-all">{store.arn}</span>
          <span className="block">
            Retention: {retentionLabel(store.retentionPeriodDays)} · Encryption:{" "}
            {store.kmsKeyId ? `KMS key ${store.kmsKeyId}` : "AWS owned key"}
          </span>
          {store.organizationEnabled ? (
            <span className="block">
              Organization store: CloudTrail accepts imports into it only from the
              organization&apos;s management account, not from a delegated administrator.
            </span>
          ) : null}
          {reason ? (
            <span className="text-foreground block font-medium">Can&apos;t be used: {reason}</span>
          ) : null}
        </span>
      </span>
    </label>
  );
}
