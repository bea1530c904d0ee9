-- CreateTable
CREATE TABLE "RunnerWorker" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "running" INTEGER NOT NULL DEFAULT 0,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunnerWorker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunnerJobStart" (
    "jobId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunnerJobStart_pkey" PRIMARY KEY ("jobId")
);

-- CreateIndex
CREATE INDEX "RunnerJobStart_startedAt_idx" ON "RunnerJobStart"("startedAt");
