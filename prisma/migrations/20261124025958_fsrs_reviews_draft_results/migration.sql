-- AlterTable
ALTER TABLE "CodeDraft" ADD COLUMN "result" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "lessonId" TEXT,
    "state" INTEGER NOT NULL DEFAULT 0,
    "stability" REAL NOT NULL DEFAULT 0,
    "difficulty" REAL NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "dueAt" DATETIME NOT NULL,
    "lastReviewAt" DATETIME,
    "misses" INTEGER NOT NULL DEFAULT 0,
    "lastMissedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Items from the fixed 1/3/7/16-day ladder become FSRS cards: a step on the ladder is a review-state card whose
-- stability is the step's interval (an index past the ladder, mastered, keeps 36 days), and index 0 is a relearning card.
INSERT INTO "new_ReviewItem" ("createdAt", "dueAt", "id", "lapses", "lessonId", "topic", "updatedAt", "userId", "state", "stability", "difficulty", "scheduledDays", "reps", "lastReviewAt", "misses", "lastMissedAt")
SELECT "createdAt", "dueAt", "id", "lapses", "lessonId", "topic", "updatedAt", "userId",
    CASE WHEN "intervalIndex" = 0 THEN 3 ELSE 2 END,
    CASE "intervalIndex" WHEN 0 THEN 1 WHEN 1 THEN 3 WHEN 2 THEN 7 WHEN 3 THEN 16 ELSE 36 END,
    5,
    CASE "intervalIndex" WHEN 0 THEN 1 WHEN 1 THEN 3 WHEN 2 THEN 7 WHEN 3 THEN 16 ELSE 36 END,
    "intervalIndex" + 1, "updatedAt", "lapses" + 1, CASE WHEN "intervalIndex" = 0 THEN "updatedAt" ELSE NULL END
FROM "ReviewItem";
DROP TABLE "ReviewItem";
ALTER TABLE "new_ReviewItem" RENAME TO "ReviewItem";
CREATE INDEX "ReviewItem_userId_dueAt_idx" ON "ReviewItem"("userId", "dueAt");
CREATE UNIQUE INDEX "ReviewItem_userId_topic_key" ON "ReviewItem"("userId", "topic");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
