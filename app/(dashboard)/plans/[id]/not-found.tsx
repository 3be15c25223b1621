import Link from "next/link";

export default function PlanNotFound() {
  return (
    <div className="flex flex-col items-start gap-3">
      <h1 className="text-2xl font-semibold tracking-tight">Plan not found</h1>
      <p className="text-muted-foreground">
        No plan has this ID. It may have been mistyped, or the link is from another installation.
      </p>
      <Link href="/plans" className="text-primary underline underline-offset-4">
        All plans
      </Link>
    </div>
  );
}
