package dev.ugoki.core.eval;

/**
 * An inclusive range of seeds written {@code A-B}, or a single seed {@code A}: at most {@link
 * #MAX_COUNT} seeds, one episode each.
 */
public record SeedRange(long first, long last) implements java.io.Serializable {
  /** The most seeds a range may hold (an evaluation holds one environment per seed). */
  public static final long MAX_COUNT = Evaluation.MAX_EPISODES;

  public SeedRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException(
          "seed range " + first + "-" + last + " is empty or negative");
    }
    if (last - first >= MAX_COUNT) {
      throw new IllegalArgumentException(
          "seed range " + first + "-" + last + " holds more than " + MAX_COUNT + " seeds");
    }
  }

  /** Every seed of the range, in order. */
  public java.util.List<Long> seeds() {
    return java.util.stream.LongStream.rangeClosed(first, last).boxed().toList();
  }

  public long count() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }

  /**
   * Reads {@code A-B} or {@code A}; throws {@link IllegalArgumentException} saying what is wrong.
   */
  public static SeedRange parse(String value) {
    String[] parts = value.trim().split("-", -1);
    try {
      if (parts.length == 1) {
        long s = Long.parseLong(parts[0]);
        return new SeedRange(s, s);
      }
      if (parts.length == 2) {
        return new SeedRange(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw new IllegalArgumentException("'" + value + "' is not a seed range like 1-50");
  }
}
