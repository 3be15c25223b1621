"use client";

import { RouteError } from "@/components/shell/route-error";

type Props = { error: Error & { digest?: string }; reset: () => void };

/** The imports pages failed unexpectedly (CloudTrail errors on reads are mapped before this). */
export default function ImportsError(props: Props) {
  return (
    <RouteError
      {...props}
      heading="Imports could not be shown"
      title="Something went wrong while reading from CloudTrail"
      advice="Try again in a moment."
    />
  );
}
