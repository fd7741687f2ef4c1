/** Embedder API: the thresholds an evaluation applies ({@link org.familyengagement.policy.Policy}). */
package org.familyengagement.policy;
