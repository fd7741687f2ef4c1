/**
 * Embedder API: what an evaluation found. {@link org.familyengagement.report.Report} and its
 * {@link org.familyengagement.report.Finding}s, and {@link org.familyengagement.report.Figures},
 * how every output writes a group finding's figures.
 */
package org.familyengagement.report;
