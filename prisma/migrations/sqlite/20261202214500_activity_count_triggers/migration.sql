-- Written by hand (Prisma's schema has no triggers): an account's activity counter follows
-- its rows inside the statement that writes or deletes them, so that an entry costs one
-- statement and the count cannot drift from the rows.

-- CreateTrigger
CREATE TRIGGER "activities_counted" AFTER INSERT ON "activities" BEGIN
    INSERT INTO "activity_counts" ("user_id", "count") VALUES (NEW."user_id", 1)
        ON CONFLICT ("user_id") DO UPDATE SET "count" = "count" + 1;
END;

-- CreateTrigger
CREATE TRIGGER "activities_uncounted" AFTER DELETE ON "activities" BEGIN
    UPDATE "activity_counts" SET "count" = "count" - 1 WHERE "user_id" = OLD."user_id";
END;
