package dev.ugoki.cluster;

import dev.ugoki.core.cell.CellRunner;

/**
 * Makes {@link SparkCells} the runner of every Spark master ({@code local[...]}, {@code spark://},
 * {@code yarn}, {@code k8s://}); found by core's {@link CellRunner#forMaster} through {@code
 * META-INF/services}, so that core never imports Spark.
 */
public final class SparkCellsProvider implements CellRunner.Provider {
  @Override
  public boolean accepts(String master) {
    return master.startsWith("local")
        || master.startsWith("spark://")
        || master.equals("yarn")
        || master.startsWith("k8s://");
  }

  @Override
  public CellRunner open(String master, String appName) {
    return new SparkCells(SparkCells.conf(master, appName));
  }
}
