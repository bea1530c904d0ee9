"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { LANGUAGE_TRACKS, TRACK_LABELS, type LanguageTrack } from "@/lib/course/vocabulary";
import type { PlacementResult, PublicPlacementLesson } from "@/lib/path/placement";
import { onboardingAnswersSchema, type Background, type Goal, type OnboardingAnswers } from "@/lib/path/schema";
import { BACKGROUND_OPTIONS, GOAL_OPTIONS, RATING_LABELS } from "./labels";
import { readGuestAnswers, recordGuestAnswers, recordGuestPlacement } from "./local-answers";
import { checkPlacement, initialPlacementAnswers, PlacementQuiz, type PlacementAnswers } from "./placement-quiz";

type SaveResult = { ok: true } | { ok: false; error: string };

type Props = {
  /** Answers saved on the account; null for a guest or a learner who has not answered yet. */
  initial: OnboardingAnswers | null;
  signedIn: boolean;
  save: (answers: unknown) => Promise<SaveResult>;
  /** The optional placement quiz, without answers; empty when no lesson has a quiz. */
  placement: PublicPlacementLesson[];
};

const STEPS = ["Your background", "Your goals", "Your time", "What you know", "Placement quiz (optional)"] as const;
/** The questions proper; the placement step after them is optional and only reached on request. */
const QUESTION_STEPS = 4;
const PLACEMENT_STEP = 4;

const noop = () => () => {};
const useHydrated = () => useSyncExternalStore(noop, () => true, () => false);

export function OnboardingForm(props: Props) {
  const hydrated = useHydrated();
  // A guest's earlier answers live in this browser's guest store, which the server cannot see: read them once hydrated.
  const initial = props.initial ?? (hydrated && !props.signedIn ? readGuestAnswers() : null);
  return <OnboardingSteps key={hydrated ? "client" : "server"} {...props} initial={initial} />;
}

function OnboardingSteps({ initial, signedIn, save, placement }: Props) {
  const router = useRouter();
  const [step, setStep] = useState(0);
  const [background, setBackground] = useState<Background | null>(initial?.background ?? null);
  const [goals, setGoals] = useState<Goal[]>(initial?.goals ?? []);
  const [hours, setHours] = useState(String(initial?.hoursPerWeek ?? 3));
  const [ratings, setRatings] = useState<Partial<Record<LanguageTrack, number>>>(initial?.selfRating ?? {});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [placementAnswers, setPlacementAnswers] = useState<PlacementAnswers>(() => initialPlacementAnswers(placement));
  const [placementResult, setPlacementResult] = useState<PlacementResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Move focus to the new question for keyboard and screen-reader users, but not on first load.
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  const go = (next: number) => {
    moved.current = true;
    setError(null);
    setStep(next);
  };

  const toggleGoal = (goal: Goal) => setGoals((current) => (current.includes(goal) ? current.filter((g) => g !== goal) : [...current, goal]));

  const submit = () => {
    const parsed = onboardingAnswersSchema.safeParse({
      background,
      goals,
      hoursPerWeek: Number(hours),
      selfRating: Object.keys(ratings).length ? ratings : undefined,
      // A new placement result replaces the earlier one; skipping the quiz keeps whatever was there.
      placement: placementResult ? { passedLessonIds: placementResult.passedLessonIds } : initial?.placement,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      setError(field === "background" ? "Choose the background closest to yours." : field === "hoursPerWeek" ? "Enter between 0.5 and 80 hours a week." : (issue?.message ?? "Check your answers."));
      go(field === "background" ? 0 : field === "hoursPerWeek" ? 2 : step);
      return;
    }
    startTransition(async () => {
      if (signedIn) {
        const result = await save(parsed.data);
        if (!result.ok) {
          setError(`Your answers were not saved to your account: ${result.error}`);
          return;
        }
      } else {
        recordGuestAnswers(parsed.data);
      }
      router.push("/path");
    });
  };

  const check = () => {
    setError(null);
    startTransition(async () => {
      const outcome = await checkPlacement(placementAnswers);
      if (!outcome.ok) {
        setError(outcome.error);
        return;
      }
      setPlacementResult(outcome.result);
      // A guest's placement is kept at once, with its answers, so the server can grade it again on sign-in.
      if (!signedIn) recordGuestPlacement(placementAnswers, outcome.result.passedLessonIds);
      headingRef.current?.focus();
    });
  };

  const last = step >= QUESTION_STEPS - 1;
  const answering = step === PLACEMENT_STEP && !placementResult;
  return (
    <form
      className="onboarding card"
      aria-labelledby="onboarding-step-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (step === 0 && !background) {
          setError("Choose the background closest to yours, or skip for now.");
          return;
        }
        if (answering) check();
        else if (last) submit();
        else go(step + 1);
      }}
    >
      <p className="muted onboarding-progress">{step < QUESTION_STEPS ? `Step ${step + 1} of ${QUESTION_STEPS}` : "Optional last step"}</p>
      <h2 id="onboarding-step-heading" ref={headingRef} tabIndex={-1}>
        {STEPS[step]}
      </h2>

      {step === 0 && (
        <fieldset className="choice-list">
          <legend>Which describes you best?</legend>
          {BACKGROUND_OPTIONS.map((option) => (
            <label key={option.value} className="choice">
              <input type="radio" name="background" value={option.value} checked={background === option.value} onChange={() => setBackground(option.value)} />
              <span>
                <strong>{option.label}</strong>
                <span className="muted choice-hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {step === 1 && (
        <fieldset className="choice-list">
          <legend>What do you want backend skills for? Pick any that apply, or none.</legend>
          {GOAL_OPTIONS.map((option) => (
            <label key={option.value} className="choice">
              <input type="checkbox" name="goals" value={option.value} checked={goals.includes(option.value)} onChange={() => toggleGoal(option.value)} />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
      )}

      {step === 2 && (
        <fieldset>
          <legend>How much time can you give the course?</legend>
          <div className="field">
            <label htmlFor="hours-per-week">Hours per week</label>
            <input
              id="hours-per-week"
              name="hoursPerWeek"
              type="number"
              inputMode="decimal"
              min={0.5}
              max={80}
              step={0.5}
              value={hours}
              onChange={(event) => setHours(event.target.value)}
              aria-describedby="hours-hint"
            />
            <p id="hours-hint" className="muted" style={{ margin: 0 }}>
              We use it to estimate when you will finish. You can change it any time.
            </p>
          </div>
        </fieldset>
      )}

      {step === 3 && (
        <fieldset>
          <legend>How well do you know each language already? (optional)</legend>
          <div className="rating-grid">
            {LANGUAGE_TRACKS.map((language) => (
              <div className="field" key={language}>
                <label htmlFor={`rating-${language}`}>{TRACK_LABELS[language]}</label>
                <select
                  id={`rating-${language}`}
                  value={ratings[language] ?? 0}
                  onChange={(event) => setRatings((current) => ({ ...current, [language]: Number(event.target.value) }))}
                >
                  {RATING_LABELS.map((label, value) => (
                    <option key={value} value={value}>
                      {value} – {label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      )}

      {step === PLACEMENT_STEP && (
        <PlacementQuiz
          lessons={placement}
          answers={placementAnswers}
          result={placementResult}
          disabled={pending}
          onChange={(lessonId, questionId, value) =>
            setPlacementAnswers((current) => ({ ...current, [lessonId]: { ...current[lessonId], [questionId]: value } }))
          }
        />
      )}

      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}

      <div className="onboarding-actions">
        {step > 0 && (
          <button type="button" className="button button-ghost" onClick={() => go(step - 1)}>
            Back
          </button>
        )}
        <button type="submit" className="button" disabled={pending}>
          {answering ? (pending ? "Checking…" : "Check my answers") : last ? (pending ? "Building your path…" : "Build my path") : "Next"}
        </button>
        {step === QUESTION_STEPS - 1 && placement.length > 0 && (
          <button type="button" className="button button-ghost" onClick={() => go(PLACEMENT_STEP)}>
            {placementResult ? "See my placement result" : "Test out of lessons: 5-minute placement quiz"}
          </button>
        )}
        {answering && (
          <button type="button" className="button button-ghost" onClick={submit} disabled={pending}>
            Skip the quiz and build my path
          </button>
        )}
        {!last && step > 0 && (
          <button type="button" className="button button-ghost" onClick={() => go(step + 1)}>
            Skip this question
          </button>
        )}
        <Link href="/learn" className="onboarding-skip">
          Skip for now and browse the lessons
        </Link>
      </div>
    </form>
  );
}
