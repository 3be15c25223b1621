"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The imports pages failed unexpectedly (CloudTrail errors on reads are mapped before this). */
export default function ImportsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  // reset() alone re-renders the client side only; refreshing asks the server for the page again.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Imports could not be shown</h1>
      <Alert variant="destructive">
        <AlertTriangleIcon aria-hidden />
        <AlertTitle>Something went wrong while reading from CloudTrail</AlertTitle>
        <AlertDescription>
          <p>
            Try again in a moment. If it keeps failing, give your administrator this reference:{" "}
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
