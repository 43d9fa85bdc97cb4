package io.leadflow.runtime.exec;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The runs of one contact key (per CRM account), in acceptance order. Only the head runs; the
 * rest wait, even while the head waits for a retry, so one contact's leads reach the CRM in order.
 */
final class Lane {
    final String key;
    final Deque<LeadRun> runs = new ArrayDeque<>();
    /** True from the moment the head is scheduled until it finishes or parks. */
    boolean busy;
    long timer = -1;

    Lane(String key) {
        this.key = key;
    }
}
