package org.familyengagement.sample;

import java.util.SplittableRandom;

/** The small random draws the generator is built from: weighted picks, counts and times of day. */
final class Draws {
    private Draws() {
    }

    /** Teachers call before school, in a planning period, after school, and sometimes at night. */
    static int teacherMinute(SplittableRandom r) {
        return switch (pick(r, 0.10, 0.30, 0.45, 0.15)) {
            case 0 -> 7 * 60 + 30 + r.nextInt(30);
            case 1 -> 10 * 60 + r.nextInt(270);
            case 2 -> 15 * 60 + 15 + r.nextInt(105);
            default -> 18 * 60 + r.nextInt(105);
        };
    }

    /** Liaisons work into the evening, when working families can talk. */
    static int liaisonMinute(SplittableRandom r) {
        return r.nextDouble() < 0.35 ? 9 * 60 + r.nextInt(420) : 16 * 60 + r.nextInt(210);
    }

    /** Families write and call before work, in the day, and mostly in the evening. */
    static int familyMinute(SplittableRandom r) {
        return switch (pick(r, 0.25, 0.35, 0.40)) {
            case 0 -> 6 * 60 + 30 + r.nextInt(120);
            case 1 -> 8 * 60 + 30 + r.nextInt(450);
            default -> 16 * 60 + r.nextInt(360);
        };
    }

    /** An index drawn with the given weights (which need not sum to one). */
    static int pick(SplittableRandom r, double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Knuth's method: fine for the small means used here. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }
}
