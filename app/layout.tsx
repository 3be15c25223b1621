import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { EmbedBridge } from "@/components/embed/embed-bridge";
import { isEmbedded } from "@/lib/embed/embedded";
import { serverEnv } from "@/lib/env";
import { cn } from "@/lib/utils";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Trail Imports", template: "%s · Trail Imports" },
  description:
    "Copy historical CloudTrail logs from S3 into CloudTrail Lake, and watch, stop and retry those imports.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111827" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading request headers keeps every page dynamic, which the per-request CSP nonce needs: a prerendered
  // page would carry no nonce and the browser would block its scripts.
  const embedded = await isEmbedded();
  return (
    <html lang="en" data-embedded={embedded ? "" : undefined}>
      {/* Embedded, the body is as tall as its content so the reported height can shrink as well as grow. */}
      <body className={cn("font-sans", !embedded && "min-h-dvh")}>
        <Providers>{children}</Providers>
        <EmbedBridge allowedOrigins={serverEnv().EMBED_ALLOWED_ORIGINS} embedded={embedded} />
      </body>
    </html>
  );
}
