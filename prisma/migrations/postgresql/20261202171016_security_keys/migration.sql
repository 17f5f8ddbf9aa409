-- CreateTable
CREATE TABLE "security_keys" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credential_id" TEXT,
    "public_key" BYTEA,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" JSONB NOT NULL DEFAULT '[]',
    "pending_until" TIMESTAMP(3),
    "last_used" TIMESTAMP(3),
    "created" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "security_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webauthn_challenges" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "challenge" TEXT NOT NULL,
    "user_id" TEXT,
    "security_key_id" TEXT,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "webauthn_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "security_keys_credential_id_key" ON "security_keys"("credential_id");

-- CreateIndex
CREATE INDEX "security_keys_user_id_created_idx" ON "security_keys"("user_id", "created");

-- CreateIndex
CREATE INDEX "security_keys_pending_until_idx" ON "security_keys"("pending_until");

-- CreateIndex
CREATE UNIQUE INDEX "security_keys_user_id_name_key" ON "security_keys"("user_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "webauthn_challenges_challenge_key" ON "webauthn_challenges"("challenge");

-- CreateIndex
CREATE INDEX "webauthn_challenges_user_id_idx" ON "webauthn_challenges"("user_id");

-- CreateIndex
CREATE INDEX "webauthn_challenges_security_key_id_idx" ON "webauthn_challenges"("security_key_id");

-- CreateIndex
CREATE INDEX "webauthn_challenges_expires_idx" ON "webauthn_challenges"("expires");

-- AddForeignKey
ALTER TABLE "security_keys" ADD CONSTRAINT "security_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_security_key_id_fkey" FOREIGN KEY ("security_key_id") REFERENCES "security_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;
