import { DatabaseZap } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { AppRole } from "@/lib/auth/roles";
import { MainNav } from "./main-nav";

/** The global header; `roles` decide which navigation links show. */
export function AppHeader({
  userMenu,
  roles,
}: {
  userMenu?: ReactNode;
  roles: readonly AppRole[];
}) {
  return (
    // One row from 1024 px; narrower, the navigation takes its own row under the brand and the
    // account, so nothing is cut off at 360 px. Sticky only where it stays one slim row.
    <header className="bg-card/80 supports-[backdrop-filter]:bg-card/60 z-40 border-b backdrop-blur lg:sticky lg:top-0">
      <div className="mx-auto flex w-full max-w-7xl flex-wrap items-center gap-x-2 gap-y-1 px-3 py-2 sm:gap-x-3 sm:px-6 lg:h-14 lg:flex-nowrap lg:gap-x-4 lg:px-8 lg:py-0">
        <Link
          href="/imports"
          className="focus-visible:ring-ring flex shrink-0 items-center gap-2 rounded-md font-semibold whitespace-nowrap focus-visible:ring-2 focus-visible:outline-none"
        >
          <DatabaseZap aria-hidden className="text-primary size-5" />
          <span>Trail Imports</span>
        </Link>
        <MainNav roles={roles} className="order-last w-full lg:order-none lg:w-auto" />
        <div className="ml-auto flex min-w-0 items-center gap-2">{userMenu}</div>
      </div>
    </header>
  );
}
