package dev.ugoki.sim.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A resolved configuration, a scenario's or an algorithm's: every declared {@link Param} with its
 * value. Made from the defaults and a map of overrides; an unknown key or a value of the wrong type
 * or out of range is refused with a message that names it. Immutable.
 */
public final class Config {
  private final String owner;
  private final List<Param> params;
  private final double[] values;

  private Config(String owner, List<Param> params, double[] values) {
    this.owner = owner;
    this.params = params;
    this.values = values;
  }

  /** The defaults of the given params. */
  public static Config defaults(String owner, List<Param> params) {
    double[] v = new double[params.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = params.get(i).defaultValue();
    }
    return new Config(owner, List.copyOf(params), v);
  }

  /** This config with the given keys set; values may be numbers, booleans or strings. */
  public Config with(Map<String, ?> overrides) {
    double[] v = values.clone();
    // sorted, so that the first bad key reported does not depend on the map's order
    for (Map.Entry<String, ?> e : new java.util.TreeMap<String, Object>(overrides).entrySet()) {
      int i = indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException(unknownKeyMessage(e.getKey()));
      }
      v[i] = params.get(i).parse(owner, e.getValue());
    }
    return new Config(owner, params, v);
  }

  private String unknownKeyMessage(String key) {
    String near =
        params.stream()
            .map(Param::key)
            .min(Comparator.comparingInt(k -> editDistance(k, key)))
            .orElse("");
    String hint =
        editDistance(near, key) <= Math.max(2, key.length() / 3)
            ? "; did you mean " + near + "?"
            : "";
    return owner
        + " has no config key '"
        + key
        + "'"
        + hint
        + " Known keys: "
        + params.stream().map(Param::key).collect(Collectors.joining(", "));
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Whose keys these are: a scenario's name ({@code race}) or an algorithm's ({@code ppo}). */
  public String owner() {
    return owner;
  }

  public List<Param> params() {
    return params;
  }

  private int indexOf(String key) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private int require(String key) {
    int i = indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException(unknownKeyMessage(key));
    }
    return i;
  }

  /**
   * Every key that is {@code name} or ends in {@code /name}: the key of each body a config holds
   * ({@code body.observe} of a scenario, {@code race/body.observe} and the others of multitask).
   */
  public List<String> keysNamed(String name) {
    return params.stream()
        .map(Param::key)
        .filter(k -> k.equals(name) || k.endsWith("/" + name))
        .toList();
  }

  public double real(String key) {
    return values[require(key)];
  }

  public int integer(String key) {
    return (int) values[require(key)];
  }

  public boolean bool(String key) {
    return values[require(key)] != 0;
  }

  /** The value of {@code p}'s key: how a record reads its fields through its declarations. */
  public double real(Param p) {
    return real(p.key());
  }

  public int integer(Param p) {
    return integer(p.key());
  }

  public boolean bool(Param p) {
    return bool(p.key());
  }

  /** Every key with its value as YAML or JSON would hold it, in declaration order. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(params.get(i).key(), params.get(i).toPlain(values[i]));
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config c
        && owner.equals(c.owner)
        && params.equals(c.params)
        && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return owner.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return owner + asMap();
  }
}
