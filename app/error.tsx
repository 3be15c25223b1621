"use client";

import Link from "next/link";

/** Unexpected errors only: expected failures (validation, AWS errors) are rendered where they happen. */
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-lg flex-col items-start justify-center gap-4 px-6"
    >
      <title>Something went wrong · Trail Imports</title>
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="text-muted-foreground">
        The page could not be shown. Try again; if it keeps failing, give your administrator this
        reference: <code className="font-mono">{error.digest ?? "unavailable"}</code>.
      </p>
      <div className="flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="bg-primary text-primary-foreground focus-visible:ring-ring rounded-md px-4 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-offset-2 focus-visible:outline-none"
        >
          Try again
        </button>
        <Link
          href="/imports"
          className="rounded-md px-4 py-2 text-sm font-medium underline-offset-4 hover:underline"
        >
          Go to imports
        </Link>
      </div>
    </main>
  );
}
