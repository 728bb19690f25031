-- Two generated columns are never NULL (each is computed from NOT NULL columns), but PostgreSQL recorded them as
-- nullable, so the database said less than the Kysely types (server/db/schema.db.test.ts compares the two). The
-- database now says it too. Frozen once landed: change the schema with a new file.
ALTER TABLE worker ALTER COLUMN nik_tail SET NOT NULL;
ALTER TABLE enrollment ALTER COLUMN months_covered SET NOT NULL;
