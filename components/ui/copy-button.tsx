"use client";

import { CheckIcon, CopyIcon } from "lucide-react";
import { useEffect, useRef, useState, type ComponentProps } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

const FEEDBACK_MS = 2000;

/**
 * Copies text, falling back to a hidden textarea when the async Clipboard API is missing or
 * refused, which happens on plain-http origins and in iframes without `allow="clipboard-write"`.
 */
async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    const textarea = document.createElement("textarea");
    textarea.value = value;
    textarea.setAttribute("readonly", "");
    textarea.style.position = "fixed";
    textarea.style.opacity = "0";
    document.body.append(textarea);
    textarea.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      textarea.remove();
    }
  }
}

type CopyButtonProps = Omit<ComponentProps<typeof Button>, "value" | "children" | "onClick"> & {
  /** The text to put on the clipboard. */
  value: string;
  /** Accessible name of the icon button, for example "Copy import ID". */
  label: string;
};

/**
 * An icon button that copies `value`. It shows a check for two seconds and announces the
 * result through a polite live region, so screen-reader users hear that it worked.
 */
export function CopyButton({
  value,
  label,
  variant = "ghost",
  size = "icon",
  className,
  ...props
}: CopyButtonProps) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function handleClick() {
    const ok = await copyText(value);
    setStatus(ok ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus("idle"), FEEDBACK_MS);
  }

  const Icon = status === "copied" ? CheckIcon : CopyIcon;
  return (
    <>
      <Button
        type="button"
        variant={variant}
        size={size}
        aria-label={label}
        data-slot="copy-button"
        data-copied={status === "copied" || undefined}
        className={cn("data-copied:text-success", className)}
        onClick={handleClick}
        {...props}
      >
        <Icon aria-hidden />
      </Button>
      <span aria-live="polite" className="sr-only">
        {status === "copied" ? "Copied" : null}
        {status === "failed" ? "Copy failed. Select the text and copy it by hand." : null}
      </span>
    </>
  );
}
