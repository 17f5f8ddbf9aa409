-- CreateTable
CREATE TABLE "mail_outbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mail" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt" DATETIME NOT NULL,
    "claimed_by" TEXT,
    "lease_until" DATETIME,
    "sent" DATETIME,
    "created" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "password_resets" (
    "user_id" TEXT NOT NULL PRIMARY KEY,
    "token_hash" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    CONSTRAINT "password_resets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "mail_outbox_sent_next_attempt_idx" ON "mail_outbox"("sent", "next_attempt");

-- CreateIndex
CREATE UNIQUE INDEX "password_resets_token_hash_key" ON "password_resets"("token_hash");

-- CreateIndex
CREATE INDEX "password_resets_expires_idx" ON "password_resets"("expires");
