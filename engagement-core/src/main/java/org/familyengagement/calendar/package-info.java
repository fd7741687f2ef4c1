/**
 * Embedder API and DRL vocabulary: school days in a district's time zone, with its weekend and
 * holidays ({@link org.familyengagement.calendar.SchoolCalendar}).
 */
package org.familyengagement.calendar;
