/**
 * The {@code plumb} command line (picocli): one class per command, shared options as mixins, exit
 * codes mapped from exceptions in {@link dev.plumb.cli.Main} only. The only package that prints to
 * the console or exits.
 */
package dev.plumb.cli;
