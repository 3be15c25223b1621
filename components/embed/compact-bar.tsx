import type { ReactNode } from "react";
import { MainNav } from "@/components/shell/main-nav";
import type { AppRole } from "@/lib/auth/roles";

/** The embedded stand-in for the global header: no brand, not sticky, one slim row of navigation and account. */
export function CompactBar({
  userMenu,
  roles,
}: {
  userMenu?: ReactNode;
  roles: readonly AppRole[];
}) {
  return (
    <div
      data-slot="compact-bar"
      className="flex flex-wrap items-center gap-2 border-b px-3 py-1.5 text-sm"
    >
      <MainNav roles={roles} />
      <div className="ml-auto flex items-center gap-2">{userMenu}</div>
    </div>
  );
}
