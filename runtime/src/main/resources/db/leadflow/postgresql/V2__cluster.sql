-- Leadflow on PostgreSQL, schema version 2: what several nodes on one database share beyond the
-- journal's tables (V1, defined with the SQLite journal's). Times are epoch milliseconds taken from
-- the database's clock, so nodes with skewed clocks agree on when a lease expires.

-- Every node that ever joined: a heartbeat row per node id.
CREATE TABLE cluster_node (
  node_id TEXT PRIMARY KEY,
  started_at BIGINT NOT NULL,
  seen_at BIGINT NOT NULL
);

-- Leases by name. 'delivery': the one node that runs the executor, the scheduler and every CRM
-- call; epoch is bumped at every change of holder and each executor write checks it (fencing).
CREATE TABLE cluster_lease (
  name TEXT PRIMARY KEY,
  owner TEXT,
  epoch BIGINT NOT NULL,
  until BIGINT NOT NULL
);

INSERT INTO cluster_lease (name, owner, epoch, until) VALUES ('delivery', NULL, 0, 0);
