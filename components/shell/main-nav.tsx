"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type AppRole, hasRole } from "@/lib/auth/roles";
import { cn } from "@/lib/utils";

// Each link names the role its page needs, so nobody is offered a page that only refuses them.
const LINKS = [
  {
    href: "/imports",
    label: "Imports",
    role: "viewer",
    match: (path: string) => path === "/imports" || /^\/imports\/(?!new)/.test(path),
  },
  {
    href: "/imports/new",
    label: "New import",
    role: "operator",
    match: (path: string) => path.startsWith("/imports/new"),
  },
  {
    href: "/plans",
    label: "Plans",
    role: "viewer",
    match: (path: string) => path.startsWith("/plans"),
  },
  {
    href: "/coverage",
    label: "Coverage",
    role: "viewer",
    match: (path: string) => path.startsWith("/coverage"),
  },
  {
    href: "/activity",
    label: "Activity",
    role: "viewer",
    match: (path: string) => path.startsWith("/activity"),
  },
] as const;

/** The main navigation: only the pages the person's `roles` can use. */
export function MainNav({ roles, className }: { roles: readonly AppRole[]; className?: string }) {
  const pathname = usePathname();
  return (
    // Links wrap onto a second line rather than push the page sideways in a narrow window or frame.
    <nav aria-label="Main" className={cn("flex flex-wrap items-center gap-1 text-sm", className)}>
      {LINKS.filter((link) => hasRole(roles, link.role)).map((link) => {
        const active = link.match(pathname);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "focus-visible:ring-ring rounded-md px-3 py-1.5 font-medium whitespace-nowrap transition-colors focus-visible:ring-2 focus-visible:outline-none",
              active
                ? "bg-accent text-accent-foreground"
                : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
