import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function ImportNotFound() {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Import not found</h1>
      <p className="text-muted-foreground">
        No import with this ID exists in the configured Regions. Check the link, or find the import
        in the list.
      </p>
      <Button asChild>
        <Link href="/imports">Go to imports</Link>
      </Button>
    </div>
  );
}
