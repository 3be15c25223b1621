"use client";

import { RouteError } from "@/components/shell/route-error";

type Props = { error: Error & { digest?: string }; reset: () => void };

/** The plans pages failed unexpectedly (an unreachable database is shown in the page itself). */
export default function PlansError(props: Props) {
  return (
    <RouteError
      {...props}
      heading="Plans could not be shown"
      title="Something went wrong while reading the plans"
      advice="Try again in a moment."
    />
  );
}
