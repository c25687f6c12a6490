package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an algorithm's config record keeps, whichever algorithm: its fields are its declared keys,
 * and its constructor takes exactly what the config parser takes, refusing in the same words. A
 * subclass names the record, its declarations and its parser.
 */
public abstract class ConfigRecordContract<R extends Record> {

  /** The record's class. */
  protected abstract Class<R> type();

  /** Its keys, as the parser takes them. */
  protected abstract List<Param> params();

  /** Its parser: the record from a resolved config section. */
  protected abstract R from(Config c);

  /** The config section's name ({@code ppo}, {@code bc}). */
  protected abstract String owner();

  static Stream<Integer> seeds() {
    return IntStream.rangeClosed(1, 300).boxed();
  }

  @Test
  void eachFieldIsItsKeyInCamelCaseInTheOrderOfTheDeclarations() {
    assertThat(Arrays.stream(type().getRecordComponents()).map(RecordComponent::getName))
        .containsExactlyElementsOf(params().stream().map(p -> camel(p.key())).toList());
    RecordComponent[] fields = type().getRecordComponents();
    for (int i = 0; i < fields.length; i++) {
      Class<?> expected =
          switch (params().get(i).type()) {
            case REAL -> double.class;
            case INT -> int.class;
            case BOOL -> boolean.class;
          };
      assertThat(fields[i].getType()).as(fields[i].getName()).isEqualTo(expected);
    }
  }

  @Test
  void theDefaultsMakeTheRecordTheParserMakes() {
    assertThat(construct(defaults())).isEqualTo(from(Config.defaults(owner(), params())));
  }

  @Test
  void aFieldJustOutsideItsRangeIsRefusedInOneLineNamingTheKey() {
    for (int i = 0; i < params().size(); i++) {
      Param p = params().get(i);
      if (p.type() == Param.Type.BOOL) {
        continue; // a boolean has no value outside
      }
      for (double v : justOutside(p)) {
        Object[] args = defaults();
        args[i] = typed(p, v);
        assertThatThrownBy(() -> construct(args))
            .as("%s = %s", p.key(), v)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(p.key() + " = ")
            .hasMessageNotContaining("\n");
      }
    }
  }

  /**
   * Seeded random values for one to three keys at a time (at and just past each bound, inside, far
   * outside, non-finite): the parser then the record's {@code from}, and the constructor with the
   * same values, both make the same record or both refuse; for one key, in the same words.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theConstructorAndTheParserAgree(int seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Object[] args = defaults();
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
      int i = r.nextInt(params().size());
      Param p = params().get(i);
      args[i] = randomValue(p, r);
      overrides.put(p.key(), args[i]);
    }
    Object parsed = outcome(() -> from(Config.defaults(owner(), params()).with(overrides)));
    Object made = outcome(() -> construct(args));
    if (parsed instanceof IllegalArgumentException pe) {
      if (!(made instanceof IllegalArgumentException me)) {
        fail("the parser refused %s (%s), the constructor took it", overrides, pe.getMessage());
        return;
      }
      if (overrides.size() == 1) {
        assertThat(pe.getMessage()).as("%s", overrides).endsWith(me.getMessage());
      }
      assertThat(pe.getMessage()).doesNotContain("\n");
    } else {
      assertThat(made).as("the constructor with %s", overrides).isEqualTo(parsed);
    }
  }

  private static Object randomValue(Param p, SplittableRandom r) {
    double lo = p.min();
    double hi = p.max();
    double span = hi - lo;
    return switch (p.type()) {
      case BOOL -> r.nextBoolean();
      case INT ->
          (int)
              switch (r.nextInt(6)) {
                case 0 -> lo;
                case 1 -> hi;
                case 2 -> lo - 1;
                case 3 -> hi + 1;
                case 4 -> lo + r.nextLong((long) span + 1);
                default -> lo - span + r.nextLong(3 * (long) span + 1);
              };
      case REAL ->
          switch (r.nextInt(8)) {
            case 0 -> lo;
            case 1 -> hi;
            case 2 -> Math.nextDown(lo);
            case 3 -> Math.nextUp(hi);
            case 4 -> lo + span * r.nextDouble();
            case 5 -> lo + span * Math.pow(r.nextDouble(), 8); // near the lower bound
            case 6 -> lo - span + 3 * span * r.nextDouble();
            default -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e300}[r.nextInt(3)];
          };
    };
  }

  private static double[] justOutside(Param p) {
    return p.type() == Param.Type.INT
        ? new double[] {p.min() - 1, p.max() + 1}
        : new double[] {Math.nextDown(p.min()), Math.nextUp(p.max())};
  }

  private static Object typed(Param p, double v) {
    return switch (p.type()) {
      case REAL -> v;
      case INT -> (int) v;
      case BOOL -> v != 0;
    };
  }

  private Object[] defaults() {
    return params().stream().map(p -> typed(p, p.defaultValue())).toArray();
  }

  private R construct(Object[] args) {
    try {
      Class<?>[] types =
          Arrays.stream(type().getRecordComponents())
              .map(RecordComponent::getType)
              .toArray(Class<?>[]::new);
      Constructor<R> c = type().getDeclaredConstructor(types);
      return c.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The value {@code make} returns, or the {@link IllegalArgumentException} it throws. */
  private static Object outcome(java.util.function.Supplier<?> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      return e;
    }
  }

  private static String camel(String key) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : key.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
