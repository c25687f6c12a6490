package dev.ugoki.core.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An inclusive range of seeds written {@code A-B}, or a single seed {@code A}: at most
 * {@link #MAX_COUNT} seeds, one episode each.
 */
public record SeedRange(long first, long last) {
  /** The most seeds a range may hold (an evaluation holds one environment per seed). */
  public static final long MAX_COUNT = dev.ugoki.core.eval.Evaluation.MAX_EPISODES;

  public SeedRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("seed range " + first + "-" + last
          + " is empty or negative");
    }
    if (last - first >= MAX_COUNT) {
      throw new IllegalArgumentException("seed range " + first + "-" + last + " holds more than "
          + MAX_COUNT + " seeds");
    }
  }

  public long count() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }

  /** picocli converter. */
  public static final class Converter implements ITypeConverter<SeedRange> {
    @Override
    public SeedRange convert(String value) {
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
        // fall through to the message below
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      throw new TypeConversionException("'" + value + "' is not a seed range like 1-50");
    }
  }
}
