package dev.plumb.diagnose;

import java.util.Optional;

/**
 * One thing to try, tied to the evidence for it. Immutable.
 *
 * @param action what to do, e.g. {@code more capacity}
 * @param setting the concrete setting or learner the curves favour, e.g. {@code max_depth=8} or
 *     {@code smile:random_forest(...)}, when there is one
 * @param evidence the numbers behind it
 */
public record Remedy(String action, Optional<String> setting, String evidence) {}
