package org.familyengagement.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The user's input cannot be used: options, files, the dataset, the policy or custom rules.
 * Carries every problem found, grouped by what they concern, each as a {@code pointer: message}
 * line; the command line prints them and exits with {@link EngagementCli#INVALID_INPUT}, never
 * with a stack trace.
 */
final class InvalidInvocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Block> blocks;
    private final boolean usage;

    private InvalidInvocationException(List<Block> blocks, boolean usage) {
        super(blocks.isEmpty() ? "invalid invocation" : blocks.get(0).heading(), null, false, false);
        this.blocks = List.copyOf(blocks);
        this.usage = usage;
    }

    /** Problems with the options themselves: the usage hint follows them. */
    static InvalidInvocationException ofOptions(List<String> problems) {
        return new InvalidInvocationException(List.of(Block.of("invalid arguments", problems)), true);
    }

    /** Every block of problems, in the order they were found. */
    List<Block> blocks() {
        return blocks;
    }

    /** True when the problems concern options, so that pointing at {@code --help} helps. */
    boolean isUsage() {
        return usage;
    }

    /**
     * Problems that concern one thing (one file, the options, the rules).
     *
     * @param heading what they concern: "the dataset in x.json is invalid"
     * @param lines   one {@code pointer: message} line per problem
     */
    record Block(String heading, List<String> lines) {
        Block {
            Objects.requireNonNull(heading, "heading");
            lines = List.copyOf(lines);
        }

        /** A block whose heading says how many problems follow. */
        static Block of(String what, List<String> lines) {
            return new Block(what + " (" + lines.size() + (lines.size() == 1 ? " problem)" : " problems)"), lines);
        }
    }

    /** Collects blocks of problems, then throws them all at once. */
    static final class Collector {
        private final List<Block> blocks = new ArrayList<>();
        private boolean usage;

        /** Adds option problems (their block gets the usage hint). */
        void options(List<String> problems) {
            if (!problems.isEmpty()) {
                blocks.add(Block.of("invalid arguments", problems));
                usage = true;
            }
        }

        void add(Block block) {
            blocks.add(block);
        }

        /** Adds everything {@code other} collected, after what this one has. */
        void addAll(Collector other) {
            blocks.addAll(other.blocks);
            usage |= other.usage;
        }

        boolean isEmpty() {
            return blocks.isEmpty();
        }

        /** Throws what was collected, if anything. */
        void throwIfAny() {
            if (!blocks.isEmpty()) {
                throw new InvalidInvocationException(blocks, usage);
            }
        }
    }
}
