package dev.ugoki.core.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellRunnerTest {
  @Test
  void sequentialRunsEveryCellInOrderWithTheThreadsItWasGiven() {
    List<String> got = new ArrayList<>();
    try (CellRunner r = new Sequential(3)) {
      r.run(
          List.of(1, 2, 3),
          (Integer k, int threads) -> k * 10 + threads,
          (k, v) -> got.add(k + "=" + v));
    }
    assertThat(got).containsExactly("1=13", "2=23", "3=33");
  }

  @Test
  void aFailingCellIsNamedWithItsRootCauseAndStopsTheRun() {
    List<Integer> got = new ArrayList<>();
    CellJob<Integer, Integer> job =
        (k, threads) -> {
          if (k == 2) {
            throw new IllegalStateException("wrapped", new ArithmeticException("cell two broke"));
          }
          return k;
        };
    assertThatThrownBy(() -> new Sequential().run(List.of(1, 2, 3), job, (k, v) -> got.add(v)))
        .isInstanceOf(CellRunner.CellFailure.class)
        .hasMessage("cell 2 failed: cell two broke");
    assertThat(got).containsExactly(1);
  }

  @Test
  void sequentialNeedsNoClusterModuleAndASparkMasterNeedsIt() {
    assertThat(CellRunner.forMaster("sequential", "test").describe()).isEqualTo("sequential");
    // core's tests have no provider on the class path: the message says what to do
    assertThatThrownBy(() -> CellRunner.forMaster("local[2]", "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--master local[2] needs the cluster module")
        .hasMessageContaining("--master sequential");
    assertThatThrownBy(() -> new Sequential(0)).hasMessageContaining("at least one thread");
  }

  @Test
  void theBrainsClassPathHasNoSpark() {
    // ./ugoki train and eval run on core's class path: Spark is the cluster module's alone
    assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkConf"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theProgressLineCountsCellsAndEstimatesTheTimeLeft() {
    assertThat(CellProgress.line(5, 20, 100, "cell x"))
        .isEqualTo("[#####...............] 5/20 cells  1m40s, about 5m00s left  cell x");
    assertThat(CellProgress.line(20, 20, 59.6, "last")).contains("20/20 cells  1m00s, done  last");
    assertThat(CellProgress.clock(7.4)).isEqualTo("7s");
  }
}
