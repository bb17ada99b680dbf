-- The import wizard: the uploaded file kept as sent (so the dialect can be
-- changed and the preview recomputed), the wizard's choices as JSON, and
-- the run's counts and report.
ALTER TABLE imports ADD COLUMN group_id BIGINT REFERENCES groups(id) ON DELETE CASCADE;
ALTER TABLE imports ADD COLUMN setup TEXT NOT NULL DEFAULT '{}';
ALTER TABLE imports ADD COLUMN counts TEXT NOT NULL DEFAULT '{}';
ALTER TABLE imports ADD COLUMN started_at BIGINT;
ALTER TABLE imports ADD COLUMN error TEXT;
CREATE INDEX imports_group ON imports (group_id, id);

CREATE TABLE import_files (
    import_id BIGINT PRIMARY KEY REFERENCES imports(id) ON DELETE CASCADE,
    content   BYTEA NOT NULL
);
