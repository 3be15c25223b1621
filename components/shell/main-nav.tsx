"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const LINKS = [
  {
    href: "/imports",
    label: "Imports",
    match: (path: string) => path === "/imports" || /^\/imports\/(?!new)/.test(path),
  },
  {
    href: "/imports/new",
    label: "New import",
    match: (path: string) => path.startsWith("/imports/new"),
  },
  {
    href: "/activity",
    label: "Activity",
    match: (path: string) => path.startsWith("/activity"),
  },
] as const;

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-1 text-sm">
      {LINKS.map((link) => {
        const active = link.match(pathname);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "focus-visible:ring-ring rounded-md px-3 py-1.5 font-medium transition-colors focus-visible:ring-2 focus-visible:outline-none",
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
