-- Written by hand (Prisma's schema has no triggers): an account's activity counter follows
-- its rows inside the statement that writes or deletes them, so that an entry costs one
-- statement and the count cannot drift from the rows. An insert counts row by row (a
-- statement-level trigger reading a transition table cost a single-row insert about 0.4 ms
-- more). A delete, which the retention job makes 1,000 rows at a time, counts once per
-- statement.
--
-- The migration is run split at every semicolon (the PostgreSQL driver adapter's script
-- runner), so the function bodies are escaped strings that write theirs as \073.

-- CreateFunction
CREATE FUNCTION "activities_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    INSERT INTO "activity_counts" ("user_id", "count") VALUES (NEW."user_id", 1)
        ON CONFLICT ("user_id") DO UPDATE SET "count" = "activity_counts"."count" + 1\073
    RETURN NULL\073
END';

-- CreateFunction
CREATE FUNCTION "activities_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "activity_counts" SET "count" = "activity_counts"."count" - "deleted"."count"
        FROM (SELECT "user_id", count(*) AS "count" FROM "deleted_activities" GROUP BY "user_id") AS "deleted"
        WHERE "activity_counts"."user_id" = "deleted"."user_id"\073
    RETURN NULL\073
END';

-- CreateTrigger
CREATE TRIGGER "activities_counted" AFTER INSERT ON "activities"
    FOR EACH ROW EXECUTE FUNCTION "activities_count_inserted"();

-- CreateTrigger
CREATE TRIGGER "activities_uncounted" AFTER DELETE ON "activities"
    REFERENCING OLD TABLE AS "deleted_activities" FOR EACH STATEMENT EXECUTE FUNCTION "activities_count_deleted"();
