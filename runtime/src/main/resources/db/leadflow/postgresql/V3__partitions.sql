-- Leadflow on PostgreSQL, schema version 3: delivery shared by every node (issue 13).
-- Contact lanes are hashed into a fixed number of partitions; each partition is a leased row that
-- nodes claim (FOR UPDATE SKIP LOCKED), renew and release. A node delivers only the leads of the
-- partitions it holds, so two nodes never deliver for one contact at once.

-- The lease that was 'delivery' (one node delivering for the cluster) is now the coordinator's:
-- the node holding it routes new leads into partitions, runs the schedules and reads the pull sources.
UPDATE cluster_lease SET name = 'coordinator' WHERE name = 'delivery';

-- Whether a node takes part in delivery (false: serve --pause-delivery); fair shares count those that do.
ALTER TABLE cluster_node ADD COLUMN delivers BOOLEAN NOT NULL DEFAULT TRUE;

-- The partitions: epoch is bumped at every change of holder; every executor write checks it (fencing).
CREATE TABLE cluster_partition (
  part INTEGER PRIMARY KEY,
  owner TEXT,
  epoch BIGINT NOT NULL,
  until BIGINT NOT NULL
);
INSERT INTO cluster_partition (part, owner, epoch, until) SELECT g, NULL, 0, 0 FROM generate_series(0, 31) AS g;

-- A lead's partition, set by the coordinator once the rules gave its contact lane (null: not routed
-- yet), and the node that last claimed it for delivery.
ALTER TABLE lead ADD COLUMN part INTEGER;
ALTER TABLE lead ADD COLUMN node TEXT;
CREATE INDEX lead_routed ON lead (part, seq) WHERE status = 'PENDING';

-- A replay (a new run) is routed again: its rules, so its lane, may differ from the last run's.
CREATE FUNCTION leadflow_reroute() RETURNS trigger AS $$
BEGIN
  IF NEW.run <> OLD.run THEN NEW.part := NULL; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER lead_reroute BEFORE UPDATE OF run ON lead FOR EACH ROW EXECUTE FUNCTION leadflow_reroute();
