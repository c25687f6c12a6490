package dev.ugoki.sim.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The shape, bounds and channel names of an observation or an action: Gymnasium's {@code Box} with
 * a name for every channel, so that a trained policy can be checked against the environment it is
 * loaded into channel by channel.
 */
public final class Spec {
  private final List<String> names;
  private final float[] low;
  private final float[] high;

  public Spec(List<String> names, float[] low, float[] high) {
    if (names.size() != low.length || names.size() != high.length) {
      throw new IllegalArgumentException(
          "spec has "
              + names.size()
              + " names but "
              + low.length
              + " lows and "
              + high.length
              + " highs");
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("spec has no channels");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("spec has duplicate channel names: " + names);
    }
    for (int i = 0; i < low.length; i++) {
      if (!(low[i] < high[i]) || !Float.isFinite(low[i]) || !Float.isFinite(high[i])) {
        throw new IllegalArgumentException(
            "channel "
                + names.get(i)
                + " has bounds ["
                + low[i]
                + ", "
                + high[i]
                + "]: bounds must be finite with low < high");
      }
    }
    this.names = List.copyOf(names);
    this.low = low.clone();
    this.high = high.clone();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return names.size();
  }

  public List<String> names() {
    return names;
  }

  public String name(int i) {
    return names.get(i);
  }

  public float low(int i) {
    return low[i];
  }

  public float high(int i) {
    return high[i];
  }

  /** Index of the channel with this name, or -1. */
  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /** True when x has this spec's length and every value is finite and inside its bounds. */
  public boolean contains(float[] x) {
    if (x.length != size()) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= low[i] && x[i] <= high[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks an action against this spec and throws an exception that names the problem: a wrong
   * length, a NaN or infinite value, or a value outside the channel's bounds. Nothing is clamped:
   * wrap the environment in {@link ClipAction} to clip on purpose.
   */
  public void checkAction(float[] action) {
    if (action == null) {
      throw new IllegalArgumentException("action is null; expected " + size() + " values " + names);
    }
    if (action.length != size()) {
      throw new IllegalArgumentException(
          "action has length " + action.length + ", expected " + size() + " " + names);
    }
    for (int i = 0; i < action.length; i++) {
      float a = action[i];
      if (!Float.isFinite(a)) {
        throw new IllegalArgumentException("action[" + i + "] (" + names.get(i) + ") is " + a);
      }
      if (a < low[i] || a > high[i]) {
        throw new IllegalArgumentException(
            "action["
                + i
                + "] ("
                + names.get(i)
                + ") = "
                + a
                + " is outside ["
                + low[i]
                + ", "
                + high[i]
                + "]");
      }
    }
  }

  /**
   * Differences between this spec and another, one line per channel that is missing, extra, moved
   * or bounded differently; empty when they match.
   */
  public List<String> differencesFrom(Spec other) {
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      int j = other.indexOf(names.get(i));
      if (j < 0) {
        missing.add(names.get(i) + ": missing from the other spec");
      } else if (j != i) {
        changed.add(names.get(i) + ": at index " + i + " here, " + j + " there");
      } else if (low[i] != other.low[j] || high[i] != other.high[j]) {
        changed.add(
            names.get(i)
                + ": bounds ["
                + low[i]
                + ", "
                + high[i]
                + "] here, ["
                + other.low[j]
                + ", "
                + other.high[j]
                + "] there");
      }
    }
    for (String n : other.names) {
      if (indexOf(n) < 0) {
        extra.add(n + ": only in the other spec");
      }
    }
    // channels that exist on one side only say most about the mismatch: list them first
    List<String> out = new ArrayList<>(missing);
    out.addAll(extra);
    out.addAll(changed);
    return Collections.unmodifiableList(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Spec s
        && names.equals(s.names)
        && Arrays.equals(low, s.low)
        && Arrays.equals(high, s.high);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, Arrays.hashCode(low), Arrays.hashCode(high));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Spec[");
    for (int i = 0; i < size(); i++) {
      b.append(i == 0 ? "" : ", ")
          .append(names.get(i))
          .append(" [")
          .append(low[i])
          .append(", ")
          .append(high[i])
          .append(']');
    }
    return b.append(']').toString();
  }

  /** Adds channels in order. */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<float[]> bounds = new ArrayList<>();

    public Builder add(String name, float low, float high) {
      names.add(name);
      bounds.add(new float[] {low, high});
      return this;
    }

    /** Adds {@code count} channels named {@code prefix.00}, {@code prefix.01}, ... */
    public Builder addSeries(String prefix, int count, float low, float high) {
      String format = prefix + ".%0" + Math.max(2, String.valueOf(count - 1).length()) + "d";
      for (int i = 0; i < count; i++) {
        add(String.format(format, i), low, high);
      }
      return this;
    }

    public Spec build() {
      float[] lo = new float[names.size()];
      float[] hi = new float[names.size()];
      for (int i = 0; i < lo.length; i++) {
        lo[i] = bounds.get(i)[0];
        hi[i] = bounds.get(i)[1];
      }
      return new Spec(names, lo, hi);
    }
  }
}
