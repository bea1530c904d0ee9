import Link from "next/link";

const TRACKS = [
  { name: "Node.js & TypeScript", pitch: "One language across the stack, an event loop built for I/O." },
  { name: "Python", pitch: "The fastest way from idea to API, and the home of machine learning." },
  { name: "Go", pitch: "Goroutines, one static binary, and the language of cloud infrastructure." },
  { name: "Rust", pitch: "Predictable latency and memory safety without a garbage collector." },
];

export default function HomePage() {
  return (
    <>
      <section className="hero">
        <h1>Learn backend development, and learn which language fits the job.</h1>
        <p className="muted" style={{ fontSize: "1.15rem", maxWidth: "44rem" }}>
          Four languages, one course: read short lessons, run and edit real code in the page, check yourself with
          quizzes and exercises, and follow a path built around your background and goals.
        </p>
        <p>
          <Link href="/onboarding" className="button">Build my learning path</Link>{" "}
          <Link href="/learn" className="button button-ghost">Browse the lessons</Link>
        </p>
      </section>
      <section aria-labelledby="tracks-heading">
        <h2 id="tracks-heading">The four languages</h2>
        <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
          {TRACKS.map((t) => (
            <li key={t.name} className="card">
              <h3 style={{ marginTop: 0 }}>{t.name}</h3>
              <p className="muted" style={{ marginBottom: 0 }}>{t.pitch}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
