"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, startTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * The body of a route's error.tsx: what failed, a reference for the administrator, and a retry that
 * asks the server for the page again (reset() alone re-renders only the client side).
 */
export function RouteError({
  error,
  reset,
  heading,
  title,
  advice,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  heading: string;
  title: string;
  advice: ReactNode;
}) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{heading}</h1>
      <Alert variant="destructive">
        <AlertTriangleIcon aria-hidden />
        <AlertTitle>{title}</AlertTitle>
        <AlertDescription>
          <p>
            {advice} If it keeps failing, give your administrator this reference:{" "}
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
