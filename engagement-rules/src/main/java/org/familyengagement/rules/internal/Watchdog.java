package org.familyengagement.rules.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings the alarm of a firing that runs past its time limit. One daemon thread, started with the
 * first alarm, parks until the earliest deadline of the alarms set; setting an alarm and clearing
 * it are an insertion into and a removal from a concurrent set. A live session sets one per update:
 * a task per firing on a scheduled executor (created, queued, cancelled, purged in bulk) cost an
 * update more than this does.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    /** Between two looks when no alarm is set, or the earliest is further away than this. */
    private static final long LONGEST_PARK = TimeUnit.HOURS.toNanos(1);
    private static final Set<Alarm> SET = ConcurrentHashMap.newKeySet();
    /** The {@link System#nanoTime} the thread parks until; an alarm due before it wakes the thread. */
    private static volatile long plannedWake;
    private static volatile Thread thread;

    private Watchdog() {
    }

    /** An alarm set for one firing; {@link #close} clears it, whether it rang or not. */
    static final class Alarm implements AutoCloseable {
        private final long deadline;
        private final Runnable ring;

        private Alarm(long deadline, Runnable ring) {
            this.deadline = deadline;
            this.ring = ring;
        }

        @Override
        public void close() {
            SET.remove(this);
        }
    }

    /**
     * Sets an alarm that runs {@code ring} on the watchdog's thread once {@code limit} has passed,
     * unless cleared before.
     */
    static Alarm set(Duration limit, Runnable ring) {
        long now = System.nanoTime();
        Alarm alarm = new Alarm(now + Math.min(nanos(limit), Long.MAX_VALUE / 4), ring);
        SET.add(alarm);
        Thread watching = thread != null ? thread : start();
        // After the insertion: either the thread's next look finds the alarm, or the plan it
        // published before that look is visible here (see run).
        if (alarm.deadline - plannedWake < 0) {
            LockSupport.unpark(watching);
        }
        return alarm;
    }

    /** Alarms set and not yet cleared, of every session (for tests). */
    static int alarmsSet() {
        return SET.size();
    }

    private static long nanos(Duration limit) {
        try {
            return limit.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static synchronized Thread start() {
        if (thread == null) {
            plannedWake = System.nanoTime();   // the thread plans its first wake itself
            Thread started = new Thread(Watchdog::run, "engagement-rules-watchdog");
            started.setDaemon(true);
            started.start();
            thread = started;
        }
        return thread;
    }

    private static void run() {
        while (true) {
            long wake = ringDue(System.nanoTime());
            plannedWake = wake;
            // An alarm set while ringDue looked may have read the old plan and not woken this
            // thread: look once more after publishing the new one before parking.
            long again = ringDue(System.nanoTime());
            if (again - wake < 0) {
                plannedWake = again;
                wake = again;
            }
            long wait = wake - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(Watchdog.class, wait);
            }
        }
    }

    /** Rings and clears the alarms due at {@code now}; returns when to look next. */
    private static long ringDue(long now) {
        long next = now + LONGEST_PARK;
        for (Alarm alarm : SET) {
            if (alarm.deadline - now <= 0) {
                if (SET.remove(alarm)) {
                    ring(alarm);
                }
            } else if (alarm.deadline - next < 0) {
                next = alarm.deadline;
            }
        }
        return next;
    }

    /** Rings; a failure is logged, never allowed to end the thread every session's limit relies on. */
    private static void ring(Alarm alarm) {
        try {
            alarm.ring.run();
        } catch (RuntimeException e) {
            LOG.error("a time limit's alarm failed to halt its session", e);
        }
    }
}
