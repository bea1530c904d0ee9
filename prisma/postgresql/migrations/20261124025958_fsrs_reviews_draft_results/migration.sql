-- AlterTable
ALTER TABLE "CodeDraft" ADD COLUMN     "result" TEXT;

-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "difficulty" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "lastMissedAt" TIMESTAMP(3),
ADD COLUMN     "lastReviewAt" TIMESTAMP(3),
ADD COLUMN     "learningSteps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "misses" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scheduledDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stability" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "state" INTEGER NOT NULL DEFAULT 0;

-- Items from the fixed 1/3/7/16-day ladder become FSRS cards: a step on the ladder is a review-state card whose
-- stability is the step's interval (an index past the ladder, mastered, keeps 36 days), and index 0 is a relearning card.
UPDATE "ReviewItem" SET
    "state" = CASE WHEN "intervalIndex" = 0 THEN 3 ELSE 2 END,
    "stability" = CASE "intervalIndex" WHEN 0 THEN 1 WHEN 1 THEN 3 WHEN 2 THEN 7 WHEN 3 THEN 16 ELSE 36 END,
    "difficulty" = 5,
    "scheduledDays" = CASE "intervalIndex" WHEN 0 THEN 1 WHEN 1 THEN 3 WHEN 2 THEN 7 WHEN 3 THEN 16 ELSE 36 END,
    "reps" = "intervalIndex" + 1,
    "lastReviewAt" = "updatedAt",
    "misses" = "lapses" + 1,
    "lastMissedAt" = CASE WHEN "intervalIndex" = 0 THEN "updatedAt" ELSE NULL END;

ALTER TABLE "ReviewItem" DROP COLUMN "intervalIndex";
