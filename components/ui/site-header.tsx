import Link from "next/link";
import { UserMenu } from "../auth/user-menu";
import { ContinueLink } from "../path/continue-link";
import { SiteSearch } from "../search/site-search";
import { HeaderMenu } from "./header-menu";
import { ThemeToggle } from "./theme-toggle";

const NAV = [
  { href: "/learn", label: "Learn" },
  { href: "/path", label: "My path" },
  { href: "/dashboard", label: "Dashboard" },
];

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          <span aria-hidden="true" className="brand-mark">⟶</span> Backend Paths
        </Link>
        <HeaderMenu>
          <nav aria-label="Main" className="main-nav">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <SiteSearch />
          <div className="header-actions">
            <ThemeToggle />
            <UserMenu />
          </div>
        </HeaderMenu>
        {/* Outside the menu: the next step stays one tap away on a phone. */}
        <ContinueLink />
      </div>
    </header>
  );
}
