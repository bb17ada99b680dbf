-- Custom field labels per language, so a language is a row, not a column:
-- Dutch arrives without a schema change, and the next one too.
CREATE TABLE custom_field_labels (
    field_id  INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
    language  TEXT NOT NULL,
    label     TEXT NOT NULL,
    PRIMARY KEY (field_id, language)
);

INSERT INTO custom_field_labels (field_id, language, label)
    SELECT id, 'fr', label_fr FROM custom_fields;
INSERT INTO custom_field_labels (field_id, language, label)
    SELECT id, 'en', label_en FROM custom_fields;

ALTER TABLE custom_fields DROP COLUMN label_fr;
ALTER TABLE custom_fields DROP COLUMN label_en;
