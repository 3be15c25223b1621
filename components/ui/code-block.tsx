import type { ComponentProps } from "react";

import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";

type CodeBlockProps = Omit<ComponentProps<"pre">, "children"> & {
  /** The text shown and copied. */
  code: string;
  /** Names the block for screen readers, for example "Trust policy JSON". */
  label: string;
  /** Accessible name of the copy button; defaults to "Copy " + `label`. */
  copyLabel?: string;
};

/**
 * Preformatted text with a copy button. The block is focusable and named, so keyboard users can
 * scroll long lines sideways with the arrow keys.
 */
export function CodeBlock({ code, label, copyLabel, className, ...props }: CodeBlockProps) {
  // The copy button sits in its own column rather than over the text: a long line scrolls inside
  // the block and passes no control on its way.
  return (
    <div data-slot="code-block" className="bg-muted flex items-start rounded-md border">
      <pre
        role="group"
        aria-label={label}
        tabIndex={0}
        className={cn(
          "text-foreground min-w-0 flex-1 overflow-auto rounded-md py-3 pr-2 pl-4 font-mono text-sm",
          "focus-visible:ring-ring outline-hidden focus-visible:ring-2",
          className,
        )}
        {...props}
      >
        <code>{code}</code>
      </pre>
      <CopyButton
        value={code}
        label={copyLabel ?? `Copy ${label}`}
        size="icon"
        className="m-1.5 size-8 shrink-0"
      />
    </div>
  );
}
