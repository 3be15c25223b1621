"use client";

/** Last resort when the root layout itself fails: it must render its own <html>. */
export default function GlobalError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <title>Something went wrong · Trail Imports</title>
        <h1>Something went wrong</h1>
        <p>Trail Imports could not start this page.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
