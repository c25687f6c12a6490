package dev.ugoki.core.cli;

import dev.ugoki.core.eval.SeedRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli's reading of a {@link SeedRange} option. */
public final class SeedRangeConverter implements ITypeConverter<SeedRange> {
  @Override
  public SeedRange convert(String value) {
    try {
      return SeedRange.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
