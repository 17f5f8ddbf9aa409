-- CreateTable
CREATE TABLE "security_keys" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credential_id" TEXT,
    "public_key" BLOB,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" JSONB NOT NULL DEFAULT [],
    "pending_until" DATETIME,
    "last_used" DATETIME,
    "created" DATETIME NOT NULL,
    CONSTRAINT "security_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "webauthn_challenges" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "challenge" TEXT NOT NULL,
    "user_id" TEXT,
    "security_key_id" TEXT,
    "expires" DATETIME NOT NULL,
    CONSTRAINT "webauthn_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "webauthn_challenges_security_key_id_fkey" FOREIGN KEY ("security_key_id") REFERENCES "security_keys" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
