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
    <header className="bg-card/80 supports-[backdrop-filter]:bg-card/60 sticky top-0 z-40 border-b backdrop-blur">
      {/* Below md the navigation takes a second row of its own, so a narrow screen never scrolls sideways. */}
      <div className="mx-auto flex min-h-14 w-full max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6 md:flex-nowrap md:py-0 lg:px-8">
        <Link
          href="/imports"
          className="focus-visible:ring-ring flex items-center gap-2 rounded-md font-semibold focus-visible:ring-2 focus-visible:outline-none"
        >
          <DatabaseZap aria-hidden className="text-primary size-5" />
          <span>Trail Imports</span>
        </Link>
        <MainNav roles={roles} />
        <div className="ml-auto flex items-center gap-2">{userMenu}</div>
      </div>
    </header>
  );
}
