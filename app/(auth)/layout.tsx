import { DatabaseZap } from "lucide-react";
import type { ReactNode } from "react";

/** Public pages around sign-in: no app header, no data, nothing that needs a session. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main
      id="main"
      className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 py-10"
    >
      <p className="flex items-center gap-2 text-lg font-semibold">
        <DatabaseZap aria-hidden className="text-primary size-6" />
        Trail Imports
      </p>
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
