"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession } from "./session-provider";

// Client-side on purpose: reading the session on the server would make every page dynamic, lessons included.
export function UserMenu() {
  const { data, status } = useSession();
  const pathname = usePathname();
  if (status === "loading") return <span className="user-menu" aria-hidden="true" />;
  if (!data?.user) {
    // Back to this page afterwards. The sign-in and sign-up pages carry their own callbackUrl in their forms' links.
    const back = pathname === "/" || pathname === "/signin" || pathname === "/signup" ? "" : `?callbackUrl=${encodeURIComponent(pathname)}`;
    return (
      <span className="user-menu">
        <Link href={`/signin${back}`} className="button button-ghost">Sign in</Link>
        <Link href={`/signup${back}`} className="button">Sign up</Link>
      </span>
    );
  }
  return (
    <span className="user-menu">
      <Link href="/account" className="user-name" data-testid="user-name">
        {data.user.name || data.user.email}
      </Link>
      <button type="button" className="button button-ghost" onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/" }))}>
        Sign out
      </button>
    </span>
  );
}
