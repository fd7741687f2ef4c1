/**
 * Diagnostic mains behind the analysis in docs/performance.md: they time parts of the rule pack
 * and alternatives to them by the CPU time of the evaluating thread (robust on a shared machine),
 * and check that the alternatives compute the same thing. Not benchmarks of record (those are
 * the JMH classes of the parent package), and never run by the build.
 */
package org.familyengagement.benchmarks.probes;
