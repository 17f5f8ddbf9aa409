-- DropIndex
DROP INDEX "activities_user_id_created_idx";

-- CreateTable
CREATE TABLE "activity_counts" (
    "user_id" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "activity_counts_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "activities_user_id_created_id_idx" ON "activities"("user_id", "created", "id");

-- AddForeignKey
ALTER TABLE "activity_counts" ADD CONSTRAINT "activity_counts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
