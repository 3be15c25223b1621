import type { ReactNode } from "react";
import { CompactBar } from "@/components/embed/compact-bar";
import { AppHeader } from "@/components/shell/app-header";
import { UserMenu } from "@/components/shell/user-menu";
import { currentUser } from "@/lib/auth/guard";
import { isEmbedded } from "@/lib/embed/embedded";
import { cn } from "@/lib/utils";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Inside a portal the portal's own header frames the page: a compact bar keeps navigation and the account
  // (who, which role, sign out) without a second global header.
  const embedded = await isEmbedded();
  const roles = (await currentUser())?.roles ?? [];
  return (
    <div className={cn("flex flex-col", !embedded && "min-h-dvh")}>
      <a
        href="#main"
        className="bg-primary text-primary-foreground sr-only z-50 rounded-md px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      {embedded ? (
        <CompactBar userMenu={<UserMenu />} roles={roles} />
      ) : (
        <AppHeader userMenu={<UserMenu />} roles={roles} />
      )}
      <main
        id="main"
        tabIndex={-1}
        className={cn(
          "mx-auto w-full max-w-7xl flex-1",
          embedded ? "px-3 py-3" : "px-4 py-6 sm:px-6 lg:px-8",
        )}
      >
        {children}
      </main>
    </div>
  );
}
