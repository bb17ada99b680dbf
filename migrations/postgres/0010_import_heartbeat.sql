-- A running import's last sign of life. On PostgreSQL the instance that
-- runs it writes the rows done every two seconds, so another instance
-- shows the progress and a run whose process died is known within a
-- minute. (SQLite is one instance: its interrupted runs are failed at
-- start-up.)
ALTER TABLE imports ADD COLUMN heartbeat_at BIGINT;
