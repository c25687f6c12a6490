package dev.ugoki.core.cli;

import dev.ugoki.core.io.Zoo;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A policy argument: a file, or {@code zoo:NAME} for a policy of the model zoo ({@link Zoo}). */
public final class PolicyPathConverter implements ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    try {
      return Zoo.resolve(value);
    } catch (IllegalArgumentException e) {
      // picocli then says "Invalid value for option '--policy': " and this message
      throw new TypeConversionException(e.getMessage());
    }
  }
}
