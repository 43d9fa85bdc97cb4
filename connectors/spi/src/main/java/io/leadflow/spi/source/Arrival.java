package io.leadflow.spi.source;

/** How a source's leads reach Leadflow. */
public enum Arrival {
    /** The system sends each lead to the intake ({@code POST /v1/leads/{flow}}). */
    WEBHOOK,
    /** Leadflow reads the system's API on a poll interval, keeping a durable cursor. */
    PULL
}
