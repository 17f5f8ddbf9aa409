-- CreateTable
CREATE TABLE "checkpoint_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "checkpoint_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "checkpoint_tokens_user_id_idx" ON "checkpoint_tokens"("user_id");

-- CreateIndex
CREATE INDEX "checkpoint_tokens_expires_idx" ON "checkpoint_tokens"("expires");

-- AddForeignKey
ALTER TABLE "checkpoint_tokens" ADD CONSTRAINT "checkpoint_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
