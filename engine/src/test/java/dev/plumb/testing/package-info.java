/**
 * What tests of several packages need and no main package has: a real headless browser to open
 * the HTML reports in ({@link dev.plumb.testing.HeadlessBrowser}).
 */
package dev.plumb.testing;
