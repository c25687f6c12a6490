package dev.ugoki.core.cli;

import dev.ugoki.core.io.Zoo;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/** A policy argument: a file, or {@code zoo:NAME} for a policy of the model zoo ({@link Zoo}). */
public final class PolicyPathConverter implements ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    return Zoo.resolve(value);
  }
}
