-- CreateTable
CREATE TABLE "ssh_keys" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "created" DATETIME NOT NULL,
    CONSTRAINT "ssh_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ssh_keys_user_id_created_idx" ON "ssh_keys"("user_id", "created");

-- CreateIndex
CREATE UNIQUE INDEX "ssh_keys_user_id_name_key" ON "ssh_keys"("user_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ssh_keys_user_id_fingerprint_key" ON "ssh_keys"("user_id", "fingerprint");
