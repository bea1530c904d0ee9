// The learner's progress in one JSON-ready shape: GET /api/progress returns it for an account, the guest store
// derives it from the browser's records, and the dashboard renders either the same way.

export type ReviewSummaryItem = { topic: string; lessonId: string | null; dueAt: string; intervalIndex: number; lapses: number; mastery: number };

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
    history: { score: number; passed: boolean; at: string }[];
  }[];
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
