-- CreateTable
CREATE TABLE "activities" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "user_agent" TEXT NOT NULL,
    "api_key_id" TEXT,
    "api_key_name" TEXT,
    "api_key_start" TEXT,
    "data" JSONB NOT NULL,
    "created" DATETIME NOT NULL,
    CONSTRAINT "activities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "activities_user_id_created_idx" ON "activities"("user_id", "created");

-- CreateIndex
CREATE INDEX "activities_created_idx" ON "activities"("created");
