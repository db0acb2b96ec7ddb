-- The run store's first schema. Written once for SQLite and PostgreSQL: {{identity}} is the only
-- dialect-specific piece (Migrations substitutes it). JSON is TEXT; times are ISO-8601 UTC TEXT.

CREATE TABLE runs (
  id {{identity}},
  record_key TEXT NOT NULL,
  command TEXT NOT NULL,
  arguments_json TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  exit_code INTEGER NOT NULL,
  dataset_path TEXT,
  dataset_version TEXT,
  content_sha256 TEXT,
  bytes_sha256 TEXT,
  schema_sha256 TEXT,
  dataset_rows BIGINT,
  dataset_columns INTEGER,
  target TEXT,
  task TEXT,
  seed BIGINT,
  split_strategy TEXT,
  split_folds INTEGER,
  split_repeats INTEGER,
  split_test_train_ratio DOUBLE PRECISION,
  plumb_version TEXT NOT NULL,
  java_version TEXT NOT NULL,
  libraries_json TEXT NOT NULL,
  best_learner TEXT,
  best_metric TEXT,
  best_score DOUBLE PRECISION,
  learner_count INTEGER NOT NULL,
  note_count INTEGER NOT NULL,
  report_json TEXT NOT NULL
);

CREATE UNIQUE INDEX runs_record_key ON runs (record_key);

CREATE INDEX runs_command ON runs (command);

CREATE INDEX runs_dataset_version ON runs (dataset_version);

CREATE TABLE run_learners (
  run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  learner TEXT NOT NULL,
  error TEXT,
  fit_seconds DOUBLE PRECISION,
  predict_seconds_per_1000 DOUBLE PRECISION,
  PRIMARY KEY (run_id, position)
);

CREATE TABLE run_metrics (
  run_id BIGINT NOT NULL,
  learner_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  metric TEXT NOT NULL,
  mean DOUBLE PRECISION NOT NULL,
  std DOUBLE PRECISION NOT NULL,
  ci_low DOUBLE PRECISION,
  ci_high DOUBLE PRECISION,
  folds_json TEXT NOT NULL,
  PRIMARY KEY (run_id, learner_position, position),
  FOREIGN KEY (run_id, learner_position) REFERENCES run_learners (run_id, position)
    ON DELETE CASCADE
);

CREATE TABLE run_notes (
  run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  learner TEXT,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  number_value DOUBLE PRECISION,
  detail TEXT,
  PRIMARY KEY (run_id, position)
);
