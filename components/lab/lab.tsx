"use client";

import { useCallback, useRef, useState, type ReactNode } from "react";
import { BarChart, type BarDatum } from "@/components/lesson/bar-chart";
import { timing } from "@/components/editor/output-panel";
import { elapsedMs } from "@/lib/content/lab-output";
import { runOnServer } from "@/lib/runner/browser/engines";
import { LabCell, type LabCellProps } from "./lab-cell";
import { settle, type CellState } from "./lab-state";
import styles from "./lab.module.css";

export type LabProgramProps = { id: string; title: string; input: string; summary: string; cells: LabCellProps[] };

const keyOf = (cell: LabCellProps) => `${cell.program}/${cell.language}`;

// Every program in every language runs on the server through POST /api/run, so the four share one machine and one
// sandbox. They are sent one at a time: the server runs one program per client at once anyway, and a burst of eight
// would overflow this client's share of the queue.
export function Lab({ programs, asides = {} }: { programs: LabProgramProps[]; asides?: Record<string, ReactNode> }) {
  const cells = programs.flatMap((p) => p.cells);
  const [codes, setCodes] = useState<Record<string, string>>(() => Object.fromEntries(cells.map((c) => [keyOf(c), c.source.code])));
  const [states, setStates] = useState<Record<string, CellState>>({});
  const [progress, setProgress] = useState("");
  const busy = useRef(false);
  const [running, setRunning] = useState(false);

  const run = useCallback(
    async (targets: LabCellProps[]) => {
      if (busy.current) return;
      busy.current = true;
      setRunning(true);
      setStates((s) => ({ ...s, ...Object.fromEntries(targets.map((c) => [keyOf(c), { status: "waiting" } as CellState])) }));
      try {
        for (const [i, cell] of targets.entries()) {
          setProgress(`Running ${i + 1} of ${targets.length}: ${cell.label}, ${cell.program}.`);
          setStates((s) => ({ ...s, [keyOf(cell)]: { status: "running" } }));
          const result = await runOnServer({ language: cell.language, code: codes[keyOf(cell)] ?? cell.source.code });
          setStates((s) => ({ ...s, [keyOf(cell)]: settle(result) }));
        }
        setProgress(`Finished ${targets.length} ${targets.length === 1 ? "run" : "runs"}.`);
      } finally {
        busy.current = false;
        setRunning(false);
      }
    },
    [codes],
  );

  return (
    <div className={styles.lab}>
      <div className={styles.runBar}>
        <button type="button" className="button" onClick={() => void run(cells)} disabled={running}>
          {running ? "Running…" : "Run all"}
        </button>
        <p className="muted" role="status" aria-live="polite" data-testid="lab-progress">
          {progress || `${cells.length} runs: ${programs.length} programs in ${programs[0]?.cells.length ?? 0} languages, one after another on the server.`}
        </p>
      </div>
      {programs.map((program) => (
        <section key={program.id} className={styles.program} aria-labelledby={`lab-${program.id}`} data-testid="lab-program" data-program={program.id}>
          <h2 id={`lab-${program.id}`}>{program.title}</h2>
          <p>{program.summary}</p>
          <p>
            <strong>Input:</strong> {program.input}.
          </p>
          <div className={styles.cells}>
            {program.cells.map((cell) => (
              <LabCell
                key={cell.language}
                cell={cell}
                code={codes[keyOf(cell)] ?? cell.source.code}
                state={states[keyOf(cell)] ?? { status: "idle" }}
                onChange={(code) => setCodes((c) => ({ ...c, [keyOf(cell)]: code }))}
                onRun={() => void run([cell])}
              />
            ))}
          </div>
          <div className={styles.charts}>
            <ResultsChart program={program} states={states} />
            {asides[program.id]}
          </div>
        </section>
      ))}
    </div>
  );
}

/** The programs' own times side by side; the table beside the chart also gives the runner's compile and run times. */
function ResultsChart({ program, states }: { program: LabProgramProps; states: Record<string, CellState> }) {
  const data: BarDatum[] = [];
  const missing: string[] = [];
  for (const cell of program.cells) {
    const state = states[keyOf(cell)];
    if (!state || !("result" in state)) continue;
    const own = elapsedMs(state.result.stdout);
    if (own === undefined) missing.push(`${cell.label} (${state.status === "stopped" ? "stopped" : "no elapsed_ms line"})`);
    else data.push({ label: cell.label, value: own, note: timing(state.result) });
  }
  if (data.length === 0 && missing.length === 0) {
    return <p className="muted">Your results appear here as a chart and a table once the programs have run.</p>;
  }
  return (
    <div data-testid="lab-results">
      {data.length > 0 && (
        <BarChart
          title={`Your run: ${program.title.toLowerCase()}`}
          unit="ms"
          data={data}
          caption={`Each program's own time for ${program.input.split(",")[0]}, measured inside the program; in brackets, the runner's compile and run times.`}
          lowerIsBetter
        />
      )}
      {missing.length > 0 && <p className="muted">Not charted: {missing.join(", ")}.</p>}
    </div>
  );
}
