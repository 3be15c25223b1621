import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/** Shared by text-like controls so inputs, textareas and select triggers look and focus alike. */
export const controlClassName = cn(
  "border-input bg-background w-full min-w-0 rounded-md border text-base shadow-xs transition-colors md:text-sm",
  "placeholder:text-muted-foreground selection:bg-primary selection:text-primary-foreground",
  "focus-visible:border-ring focus-visible:ring-ring outline-hidden focus-visible:ring-2",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive",
  "disabled:cursor-not-allowed disabled:opacity-50",
);

/** A text input. Pair it with a `Label` or put it in a `Field` so it has an accessible name. */
export function Input({ className, type, ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        controlClassName,
        "h-9 px-3 py-1",
        "file:text-foreground file:inline-flex file:h-7 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        className,
      )}
      {...props}
    />
  );
}
