package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.policy.AdaptedBody;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A loaded adapter is shared by every environment it drives (one copy of its network per thread,
 * not one per environment: 200 environments with 64 steps of history once filled a 2 GB heap), and
 * sharing changes no estimate: from several threads at once, the bits of an unshared copy.
 */
class SharedAdapterTest {
  @Test
  void everyEnvironmentOfALoadedFileSharesItsAdapterAndEstimatesAsACopyDoes() throws Exception {
    var file = Zoo.resolve("zoo:foundation");
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    BodyAdapter shared = loaded.adapter();
    assertThat(shared.isShared()).isTrue();
    var cfg = Scenarios.config("reach", Map.of());
    AdaptedBody a = (AdaptedBody) PolicyFit.fit(file, loaded, Scenarios.make(cfg));
    AdaptedBody b = (AdaptedBody) PolicyFit.fit(file, loaded, Scenarios.make(cfg));
    assertThat(a.adapter()).isSameAs(shared).isSameAs(b.adapter());

    int d = shared.network().observationSpec().size();
    int rows = 64;
    BodyAdapter plain = shared.copy();
    assertThat(plain.isShared()).isFalse();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long seed = t;
        same.add(
            pool.submit(
                () -> {
                  SplittableRandom r = new SplittableRandom(seed);
                  float[] x = new float[rows * d];
                  for (int i = 0; i < x.length; i++) {
                    x[i] = (float) r.nextGaussian();
                  }
                  float[] mine = shared.estimate(x, rows);
                  synchronized (plain) {
                    return java.util.Arrays.equals(mine, plain.estimate(x, rows));
                  }
                }));
      }
      for (Future<Boolean> f : same) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
