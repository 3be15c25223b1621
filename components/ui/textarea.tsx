import type { ComponentProps } from "react";

import { controlClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** A multi-line text input that grows with its content where the browser supports it. */
export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(controlClassName, "field-sizing-content min-h-16 px-3 py-2", className)}
      {...props}
    />
  );
}
