package org.familyengagement.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A live session with a whole district loaded takes one new contact on a random family, then the
 * SIS reads what changed. Every invocation adds a contact with a fresh id, so the session grows
 * by the number of invocations (a fifth or so over a run at 100k families; the figure includes that).
 * SampleTime gives the median and the tail (p99), which is what an SIS waiting on it feels.
 *
 * <p>Twenty seconds of warm-up: a live session runs for hours, and on two cores the compiler needs
 * that long to finish the pack's and Drools' hot code. With three seconds the figures included
 * compiling (a median of 57-81 µs where the same build settles at 40-48 µs, docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LiveUpdateBenchmark {
    private static final long LOOKBACK_SECONDS = 29L * 24 * 3600;
    private static final Channel[] PERSONAL_CHANNELS = {Channel.PHONE, Channel.SMS, Channel.EMAIL, Channel.APP};
    private static final Tone[] TONES = {Tone.POSITIVE, Tone.NEUTRAL, Tone.NEUTRAL, Tone.CONCERN};

    @Param({"100000"})
    public int families;

    /** Rules to switch off, comma-separated (none by default): a probe's way to time one part of the pack. */
    @Param({""})
    public String disabled;

    private LiveSession session;
    private List<String> familyIds;
    private SplittableRandom random;
    private long nextId;

    @Setup
    public void setUp() {
        Dataset dataset = Districts.generate(families);
        familyIds = dataset.families().stream().map(Family::id).toList();
        RuleEngine.Builder builder = RuleEngine.builder();
        if (disabled != null && !disabled.isBlank()) {
            builder.disable(disabled.split(","));
        }
        RuleEngine engine = builder.build();
        session = engine.openSession(dataset, Districts.AS_OF);
        session.changes();
        random = new SplittableRandom(42);
    }

    @TearDown
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public LiveSession.Changes addContactAndReadChanges() {
        session.addContact(nextContact());
        return session.changes();
    }

    /** A contact of a realistic kind, in the window, on a random family; never the same id twice. */
    private Contact nextContact() {
        String id = "bench-" + nextId++;
        String family = familyIds.get(random.nextInt(familyIds.size()));
        Instant at = Districts.AS_OF.minusSeconds(random.nextLong(LOOKBACK_SECONDS));
        int kind = random.nextInt(20);
        Contact.Builder builder;
        if (kind < 3) {             // a question from the family
            builder = Contact.builder(id, family, at, Direction.INBOUND, Channel.SMS).awaitsReply(true);
        } else if (kind < 6) {      // a school broadcast
            builder = Contact.builder(id, family, at, Direction.OUTBOUND, Channel.APP).mode(Mode.BROADCAST);
        } else {                    // a teacher's call or message, sometimes undelivered
            builder = Contact.builder(id, family, at, Direction.OUTBOUND,
                            PERSONAL_CHANNELS[random.nextInt(PERSONAL_CHANNELS.length)])
                    .tone(TONES[random.nextInt(TONES.length)])
                    .delivered(kind < 18);
        }
        return builder.build();
    }
}
