"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The wizard failed unexpectedly. The draft lives in sessionStorage, so nothing typed is lost. */
export default function NewImportError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">New import</h1>
      <Alert variant="destructive">
        <AlertTriangleIcon aria-hidden />
        <AlertTitle>The new-import wizard hit an unexpected problem</AlertTitle>
        <AlertDescription>
          <p>
            Your choices are saved in this browser tab. Try again; if it keeps failing, give your
            administrator this reference:{" "}
            <code className="font-mono">{error.digest ?? "unavailable"}</code>.
          </p>
        </AlertDescription>
      </Alert>
      <Button type="button" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}
