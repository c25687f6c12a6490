package dev.ugoki.core.cli;

import dev.ugoki.core.io.PolicyFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Who drives, for the commands that run episodes: a policy file or the scenario's expert. */
final class PolicyOrExpert {
  @Option(
      names = "--policy",
      converter = PolicyPathConverter.class,
      paramLabel = "FILE",
      description = "A policy file (policy.zip or a checkpoint), acting on its mean.")
  Path policy;

  @Option(
      names = "--expert",
      description =
          "The scenario's expert (pure pursuit for race, planner for navigate, "
              + "inverse kinematics for reach).")
  boolean expert;

  /** The policy file, loaded and checked, or null for the expert. */
  PolicyFile.Loaded load() {
    return policy == null ? null : PolicyFile.load(policy);
  }
}
