package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key of every algorithm's section, as a run's config file and --set take it. */
class AlgorithmKeysTest {

  static Stream<Arguments> keys() {
    return Arrays.stream(Algorithm.values())
        .flatMap(a -> a.params().stream().map(p -> Arguments.of(a, p)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("keys")
  void theDefaultLiesInTheRange(Algorithm a, Param p) {
    assertThat(p.defaultValue()).isBetween(p.min(), p.max());
    assertThat(p.check(p.defaultValue())).isEqualTo(p.defaultValue());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("keys")
  void aValueJustOutsideTheRangeIsRefusedInOneLineNamingTheKey(Algorithm a, Param p) {
    Config c = Config.defaults(a.id(), a.params());
    List<Object> outside =
        switch (p.type()) {
          case INT -> List.of((long) p.min() - 1, (long) p.max() + 1);
          case REAL -> List.of(Math.nextDown(p.min()), Math.nextUp(p.max()));
          case BOOL -> List.of(2, -1, 0.5);
        };
    for (Object v : outside) {
      assertThatThrownBy(() -> c.with(Map.of(p.key(), v)))
          .as("%s.%s = %s", a.id(), p.key(), v)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(a.id() + ": " + p.key() + " = ")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void everyAlgorithmKeyIsDeclaredOnceWithAOneLineDoc() {
    for (Algorithm a : Algorithm.values()) {
      assertThat(a.params()).extracting(Param::key).doesNotHaveDuplicates();
      assertThat(a.params()).allMatch(p -> !p.doc().isBlank() && !p.doc().contains("\n"));
    }
  }
}
