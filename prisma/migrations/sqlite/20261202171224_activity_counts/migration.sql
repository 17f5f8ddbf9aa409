-- DropIndex
DROP INDEX "activities_user_id_created_idx";

-- CreateTable
CREATE TABLE "activity_counts" (
    "user_id" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    CONSTRAINT "activity_counts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "activities_user_id_created_id_idx" ON "activities"("user_id", "created", "id");
