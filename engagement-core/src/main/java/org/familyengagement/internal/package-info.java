/**
 * Internal: helpers shared with the project's own modules (reference checks, suggestions, text
 * bundles). Exported only to them; not API, and it changes without notice.
 */
package org.familyengagement.internal;
