import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-lg flex-col items-start justify-center gap-4 px-6"
    >
      <p className="text-muted-foreground text-sm font-medium">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="text-muted-foreground">
        The link may be out of date, or the import it pointed to may be in another account.
      </p>
      <Link href="/imports" className="text-primary font-medium underline-offset-4 hover:underline">
        Go to imports
      </Link>
    </main>
  );
}
