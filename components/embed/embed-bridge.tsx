"use client";

import { useEffect } from "react";
import { configurePortal, postToPortal } from "@/lib/embed/post-to-portal";

/**
 * The one island that connects the app to a framing portal: hands the allow-list to `postToPortal` and, when
 * embedded, reports the content height so the portal can size the frame without scrollbars. Renders nothing.
 */
export function EmbedBridge({
  allowedOrigins,
  embedded,
}: {
  allowedOrigins: readonly string[];
  embedded: boolean;
}) {
  // During render, not in an effect: children's effects run first and may already post events.
  configurePortal(allowedOrigins);

  useEffect(() => {
    if (!embedded || window.parent === window) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      postToPortal({ type: "content-height", height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, [embedded]);

  return null;
}
