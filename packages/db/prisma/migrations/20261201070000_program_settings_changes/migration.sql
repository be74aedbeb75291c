-- Settings changed after a program started (ISO: persons in scope, AI roles, quoted days, the certification body's
-- terms …): the newest value of each changed key, projected by the worker from `settings.changed` events. `config`
-- keeps the parameters the program was started with; readers apply these on top (a JSON null: the setting was
-- removed). Without it, figures such as an integrated audit's saving kept using the day rate of the start.
ALTER TABLE "programs" ADD COLUMN "settings_changes" JSONB NOT NULL DEFAULT '{}';

-- Hand-written: programs whose settings changed before this column existed take them from their audit trail.
UPDATE "programs" AS p
SET "settings_changes" = c.changes
FROM (
    SELECT e."program_id", jsonb_object_agg(t.key, t.value ORDER BY e."sequence", t.key) AS changes
    FROM "audit_events" AS e
    CROSS JOIN LATERAL jsonb_each(e."payload" -> 'to') AS t
    WHERE e."type" = 'settings.changed'
      AND e."program_id" IS NOT NULL
      AND jsonb_typeof(e."payload" -> 'to') = 'object'
    GROUP BY e."program_id"
) AS c
WHERE p."id" = c."program_id";
