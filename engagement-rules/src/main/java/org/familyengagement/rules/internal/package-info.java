/**
 * Internal: how the engine works (building the rule base, filling and firing sessions, tallies,
 * metadata, messages). Not exported; not API, and it changes without notice.
 */
package org.familyengagement.rules.internal;
