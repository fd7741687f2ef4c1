package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.errors.Problem;

/**
 * What every rejection must look like, whatever the input: at least one problem, each with a JSON
 * pointer and a short plain sentence that quotes no more of the input than one offending token.
 */
final class ProblemChecks {
    /**
     * The longest run of characters a message may share with the input: a token cut to
     * {@link JsonWalker#MAX_QUOTED} characters, its quotes, and the space before it.
     */
    static final int MAX_SHARED_RUN = JsonWalker.MAX_QUOTED + 4;
    /** Longer than any sentence the readers write, known field and rule lists included. */
    static final int MAX_MESSAGE_LENGTH = 600;
    /** Distinct messages checked for leaks per input; the rest repeat templates with other ids. */
    private static final int MAX_MESSAGES_CHECKED = 200;

    private ProblemChecks() {
    }

    /** Asserts that the rejection of {@code input} lists problems that are well formed and leak nothing. */
    static void assertWellFormed(InvalidInputException e, String input) {
        assertThat(e.problems()).as("an invalid document has at least one problem").isNotEmpty();
        Set<String> messages = new LinkedHashSet<>();
        for (Problem problem : e.problems()) {
            // A pointer names keys as the document spells them, line breaks included.
            assertThat(problem.pointer().isEmpty() || problem.pointer().startsWith("/"))
                    .as("pointer of %s is empty or starts with /", problem).isTrue();
            assertThat(problem.message()).as("message of %s", problem).isNotBlank()
                    .hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
            if (messages.size() < MAX_MESSAGES_CHECKED) {
                messages.add(problem.message());
            }
        }
        SharedRuns runs = new SharedRuns(input);
        for (String message : messages) {
            assertThat(runs.longestIn(message))
                    .as("the longest run of input text quoted in \"%s\"", message)
                    .hasSizeLessThanOrEqualTo(MAX_SHARED_RUN);
        }
        assertThat(e.getMessage().lines().count()).as("exception message lines")
                .isLessThanOrEqualTo(InvalidInputException.MAX_LISTED + 2L);
    }

    /**
     * Finds text a message copied from an input: the hashes of every window of
     * {@code MAX_SHARED_RUN + 1} characters of the input, so a message is checked in time linear
     * in its length, however long the input.
     */
    static final class SharedRuns {
        private static final int WINDOW = MAX_SHARED_RUN + 1;
        private static final long BASE = 1_000_003L;

        private final String input;
        private final Set<Long> windows = new HashSet<>();
        private final long highPower;

        SharedRuns(String input) {
            this.input = input;
            long power = 1;
            for (int i = 1; i < WINDOW; i++) {
                power *= BASE;
            }
            this.highPower = power;
            if (input.length() >= WINDOW) {
                long hash = hash(input, 0);
                windows.add(hash);
                for (int i = WINDOW; i < input.length(); i++) {
                    hash = roll(hash, input.charAt(i - WINDOW), input.charAt(i));
                    windows.add(hash);
                }
            }
        }

        /**
         * The longest stretch of {@code message} found in the input, if longer than
         * {@link #MAX_SHARED_RUN}; otherwise a prefix of the message at most that long (enough for
         * a size assertion to pass or fail meaningfully).
         */
        String longestIn(String message) {
            if (message.length() < WINDOW || windows.isEmpty()) {
                return "";
            }
            long hash = hash(message, 0);
            for (int start = 0; ; start++) {
                if (windows.contains(hash)) {
                    String copied = message.substring(start, start + WINDOW);
                    if (input.contains(copied)) {
                        return grow(message, start);
                    }
                }
                if (start + WINDOW >= message.length()) {
                    return "";
                }
                hash = roll(hash, message.charAt(start), message.charAt(start + WINDOW));
            }
        }

        /** The copied window at {@code start}, extended as far as the input still contains it. */
        private String grow(String message, int start) {
            int end = start + WINDOW;
            while (end < message.length() && input.contains(message.substring(start, end + 1))) {
                end++;
            }
            return message.substring(start, end);
        }

        private static long hash(String text, int from) {
            long hash = 0;
            for (int i = from; i < from + WINDOW; i++) {
                hash = hash * BASE + text.charAt(i);
            }
            return hash;
        }

        private long roll(long hash, char out, char in) {
            return (hash - out * highPower) * BASE + in;
        }
    }
}
