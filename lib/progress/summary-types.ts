// The learner's progress in one JSON-ready shape: GET /api/progress returns it for an account, a guest's browser
// derives it from its own records, and the dashboard renders either the same way (lib/progress/summary.ts).

export type ReviewSummaryItem = {
  topic: string;
  lessonId: string | null;
  dueAt: string;
  misses: number;
  lapses: number;
  mastery: number;
  /** Why it is due or when it comes back, for the learner (lib/progress/review-schedule.ts). */
  reason: string;
};

export type ProgressSummary = {
  lessons: { lessonId: string; startedAt: string; lastOpenedAt: string; completedAt: string | null; timeSpentSeconds: number }[];
  lessonsOpened: number;
  lessonsCompleted: number;
  /** The lesson to continue: the most recently opened one not yet completed, else the most recent. */
  continueLessonId: string | null;
  totalSeconds: number;
  quizzes: {
    quizId: string;
    lessonId: string;
    attempts: number;
    bestScore: number;
    lastScore: number;
    passed: boolean;
    lastAttemptAt: string;
    /** The latest attempts, oldest first (at most HISTORY_PER_QUIZ; `attempts` counts them all). */
    history: { score: number; passed: boolean; at: string }[];
  }[];
  /** Every exercise checked at least once, most recent first. */
  exercises: { exerciseId: string; lessonId: string; checks: number; passed: boolean; firstPassedAt: string | null; lastCheckedAt: string }[];
  /** Weakest first. */
  topics: { topic: string; correct: number; total: number; mastery: number }[];
  reviews: {
    /** Due now, weakest topic first. */
    due: ReviewSummaryItem[];
    upcoming: ReviewSummaryItem[];
    mastered: number;
  };
  streak: { current: number; longest: number };
  /** Oldest first, only days with activity, within the last year. */
  activity: { day: string; seconds: number; actions: number }[];
};
