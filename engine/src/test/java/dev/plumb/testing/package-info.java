/**
 * What tests of several packages need and no main package has: a real headless browser to open
 * the HTML reports in ({@link dev.plumb.testing.HeadlessBrowser}), a stand-in for a
 * deserialization gadget that must never run ({@link dev.plumb.testing.Detonator}), a learner
 * too slow for a time limit ({@link dev.plumb.testing.SleepingLearner}), and a PostgreSQL server
 * for the run store's tests ({@link dev.plumb.testing.PostgresServer}).
 */
package dev.plumb.testing;
