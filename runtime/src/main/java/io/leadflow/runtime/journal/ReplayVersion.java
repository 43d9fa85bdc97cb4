package io.leadflow.runtime.journal;

/** Which rules a replay runs: the version that first ran the lead, or the one loaded now. */
public enum ReplayVersion { ORIGINAL, CURRENT }
