-- CreateTable
CREATE TABLE "AdvisorResult" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdvisorResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdvisorResult_userId_createdAt_idx" ON "AdvisorResult"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "AdvisorResult" ADD CONSTRAINT "AdvisorResult_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
