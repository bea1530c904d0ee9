import Link from "next/link";

export default function NotFound() {
  return (
    <section className="card" style={{ maxWidth: "36rem" }}>
      <h1>Page not found</h1>
      <p>We could not find that page. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/learn" className="button">Browse the course</Link>{" "}
        <Link href="/" className="button button-ghost">Home</Link>
      </p>
    </section>
  );
}
