/**
 * Embedder API: the JSON contracts. {@link org.familyengagement.io.DatasetReader} and
 * {@link org.familyengagement.io.DatasetWriter} (the dataset document),
 * {@link org.familyengagement.io.PolicyReader} (policies, JSON or YAML),
 * {@link org.familyengagement.io.ReportWriter} and {@link org.familyengagement.io.ReportReader}
 * (the findings document). Every problem of a bad document is reported at once, by JSON pointer.
 */
package org.familyengagement.io;
