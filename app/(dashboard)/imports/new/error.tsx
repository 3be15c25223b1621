"use client";

import { RouteError } from "@/components/shell/route-error";

type Props = { error: Error & { digest?: string }; reset: () => void };

/** The wizard failed unexpectedly. The draft lives in sessionStorage, so nothing typed is lost. */
export default function NewImportError(props: Props) {
  return (
    <RouteError
      {...props}
      heading="New import"
      title="The new-import wizard hit an unexpected problem"
      advice="Your choices are saved in this browser tab. Try again."
    />
  );
}
