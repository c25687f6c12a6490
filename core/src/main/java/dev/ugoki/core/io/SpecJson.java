package dev.ugoki.core.io;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ugoki.sim.env.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON form of a channel layout ({@link Spec}), in policy files and demonstration files
 * alike: {@code {"high": [...], "low": [...], "names": [...]}}, and its strict reader.
 */
@JsonPropertyOrder(alphabetic = true)
record SpecJson(List<String> names, float[] low, float[] high) {

  static SpecJson of(Spec s) {
    float[] lo = new float[s.size()];
    float[] hi = new float[s.size()];
    for (int i = 0; i < s.size(); i++) {
      lo[i] = s.low(i);
      hi[i] = s.high(i);
    }
    return new SpecJson(s.names(), lo, hi);
  }

  /** The layout itself. */
  Spec spec() {
    return new Spec(names, low, high);
  }

  /**
   * The layout a parsed JSON value holds: at most {@link PolicyFile#MAX_CHANNELS} names, each with
   * a finite low and high that fit a float.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static SpecJson read(Object o) {
    var m = PolicyJson.map(o);
    if (!(m.get("names") instanceof List<?> names) || names.size() > PolicyFile.MAX_CHANNELS) {
      throw new IllegalArgumentException(
          "channel names must be a list of at most " + PolicyFile.MAX_CHANNELS);
    }
    List<String> n = new ArrayList<>(names.size());
    for (Object name : names) {
      if (!(name instanceof String str)) {
        throw new IllegalArgumentException("a channel name is " + name + ", not text");
      }
      n.add(str);
    }
    SpecJson read =
        new SpecJson(
            List.copyOf(n),
            PolicyJson.toFloats(PolicyJson.doubles(m.get("low"))),
            PolicyJson.toFloats(PolicyJson.doubles(m.get("high"))));
    read.spec(); // the layout's own checks: as many bounds as names, low <= high
    return read;
  }
}
