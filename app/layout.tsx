import Link from "next/link";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AuthSessionProvider } from "@/components/auth/session-provider";
import { GuestMerge } from "@/components/progress/guest-merge";
import { SiteHeader } from "@/components/ui/site-header";
import { ThemeScript } from "@/components/ui/theme-script";
import { SITE_DESCRIPTION, SITE_NAME } from "./site";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  // Social preview images need absolute URLs: the public URL when it is known at build time (else Next's localhost).
  metadataBase: process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL) : undefined,
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <a href="#main" className="skip-link">Skip to content</a>
        <AuthSessionProvider>
          <SiteHeader />
          <GuestMerge />
          <main id="main" tabIndex={-1} className="container main">
            {children}
          </main>
        </AuthSessionProvider>
        <footer className="site-footer">
          <div className="container">
            Backend Paths · learn, build, choose. · <Link href="/sources">Sources</Link>
          </div>
        </footer>
      </body>
    </html>
  );
}
