/**
 * Turning results into what people and scripts read: terminal tables, versioned JSON
 * ({@code plumb/1}), self-contained HTML reports, all written atomically.
 */
package dev.plumb.report;
