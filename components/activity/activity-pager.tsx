import Link from "next/link";
import { Button } from "@/components/ui/button";

/** "Newer" and "Older" links; a side with nothing more is shown disabled rather than hidden. */
export function ActivityPager({ newer, older }: { newer?: string; older?: string }) {
  return (
    <nav aria-label="Activity pages" className="flex justify-between gap-2">
      {newer ? (
        <Button variant="outline" asChild>
          <Link href={newer}>← Newer</Link>
        </Button>
      ) : (
        <Button variant="outline" disabled>
          ← Newer
        </Button>
      )}
      {older ? (
        <Button variant="outline" asChild>
          <Link href={older}>Older →</Link>
        </Button>
      ) : (
        <Button variant="outline" disabled>
          Older →
        </Button>
      )}
    </nav>
  );
}
