package dev.ugoki.core.cli;

import dev.ugoki.core.cell.CellRunner;
import picocli.CommandLine.Option;

/**
 * {@code --master}: where the cells of a study run (a picocli mixin of the commands with cells).
 */
final class MasterOption {
  @Option(
      names = "--master",
      defaultValue = CellRunner.DEFAULT_MASTER,
      description =
          "Where the cells run: local[*] (default: Spark in this process, a task per core),"
              + " local[N], spark://HOST:7077 (a standalone cluster), or sequential (no Spark,"
              + " one cell after another). Every master gives the same results.")
  String master;

  /** The runner, to close when the study is done. */
  CellRunner open(String appName) {
    return CellRunner.forMaster(master, appName);
  }
}
