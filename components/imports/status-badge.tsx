import { Badge } from "@/components/ui/badge";
import { explainStatus } from "@/lib/imports/status";

/** The import's status as a badge; the text says the status, colour only reinforces it. */
export function StatusBadge({ status }: { status: string }) {
  const { label, tone } = explainStatus(status);
  return (
    <Badge variant={tone} data-status={status}>
      {label}
    </Badge>
  );
}
