package dev.plumb.testkit;

/**
 * Entry point of Plumb's assertions for Java tests: {@code assertThat(ModelUnderTest)}. Failures
 * are {@link AssertionError}s, which JUnit 5 (and every other test framework) reports as test
 * failures; their messages give the numbers and the confidence intervals. Stateless.
 */
public final class PlumbAssertions {
  private PlumbAssertions() {}

  /** Assertions on {@code model} and its data. */
  public static ModelAssert assertThat(ModelUnderTest model) {
    return new ModelAssert(model);
  }
}
