"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// Later wizard steps load when first shown: the server renders only the wizard skeleton (the draft lives in
// sessionStorage), and the source step's Radix Select brings floating-ui, which the first step never needs.

function StepLoading() {
  return (
    <div role="status" className="space-y-3">
      <span className="sr-only">Loading this step…</span>
      <Skeleton className="h-5 w-48" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-9 w-full" />
    </div>
  );
}

export const SourceStep = dynamic(() => import("./source-step").then((m) => m.SourceStep), {
  loading: StepLoading,
});
export const RoleStep = dynamic(() => import("./role-step").then((m) => m.RoleStep), {
  loading: StepLoading,
});
export const DatesStep = dynamic(() => import("./dates-step").then((m) => m.DatesStep), {
  loading: StepLoading,
});
export const ReviewStep = dynamic(() => import("./review-step").then((m) => m.ReviewStep), {
  loading: StepLoading,
});
