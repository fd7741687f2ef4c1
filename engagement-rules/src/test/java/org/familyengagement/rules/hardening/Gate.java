package org.familyengagement.rules.hardening;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A gate that test DRL waits on in a busy loop, standing for a consequence stuck in Java code.
 * Public because the rules' own compiled classes, in another package, call it.
 */
public final class Gate {
    private static final AtomicBoolean OPEN = new AtomicBoolean();

    private Gate() {
    }

    public static boolean isOpen() {
        return OPEN.get();
    }

    static void open() {
        OPEN.set(true);
    }

    static void close() {
        OPEN.set(false);
    }
}
