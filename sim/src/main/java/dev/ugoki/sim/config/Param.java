package dev.ugoki.sim.config;

/**
 * One configuration value a scenario or an algorithm accepts: its key, type, default, allowed range
 * and a one-line doc. Declared once; overrides are checked against it ({@link Config}), and so are
 * the values of a record that holds them ({@link #check}).
 */
public record Param(
    String key, Type type, double defaultValue, double min, double max, String doc) {

  /** How a value is read and written. */
  public enum Type {
    REAL,
    INT,
    BOOL
  }

  public Param {
    if (type == Type.BOOL) {
      min = 0;
      max = 1;
    }
    if (!(min <= defaultValue && defaultValue <= max)) {
      throw new IllegalArgumentException("default of " + key + " is outside its range");
    }
  }

  public static Param real(String key, double def, double min, double max, String doc) {
    return new Param(key, Type.REAL, def, min, max, doc);
  }

  public static Param integer(String key, int def, int min, int max, String doc) {
    return new Param(key, Type.INT, def, min, max, doc);
  }

  public static Param bool(String key, boolean def, String doc) {
    return new Param(key, Type.BOOL, def ? 1 : 0, 0, 1, doc);
  }

  /** Reads a value given as a number, a boolean or a string, and checks type and range. */
  double parse(String scenario, Object value) {
    double v;
    if (value instanceof Boolean b && type == Type.BOOL) {
      v = b ? 1 : 0;
    } else if (value instanceof Number n) {
      v = n.doubleValue();
    } else if (value instanceof String s) {
      String t = s.trim();
      if (type == Type.BOOL && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
        v = Boolean.parseBoolean(t) ? 1 : 0;
      } else {
        try {
          v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              scenario + ": " + key + " = '" + s + "' is not " + describeType());
        }
      }
    } else {
      throw new IllegalArgumentException(
          scenario + ": " + key + " = " + value + " is not " + describeType());
    }
    String refusal = refusal(v);
    if (refusal != null) {
      throw new IllegalArgumentException(scenario + ": " + refusal);
    }
    return v;
  }

  /**
   * Returns {@code v} when it is a value of this key: finite, whole for an integer or a boolean,
   * inside the range. Otherwise refuses it in one line that names the key, the range and the doc.
   * The parser checks every value through here, and so does a record that holds the values (its
   * constructor), so both take one range per key.
   */
  public double check(double v) {
    String refusal = refusal(v);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    return v;
  }

  /** Why {@code v} is no value of this key, or null when it is. */
  private String refusal(double v) {
    if (!Double.isFinite(v)) {
      return key + " = " + v + " is not finite";
    }
    if (type != Type.REAL && v != Math.rint(v)) {
      return key + " = " + v + " is not " + describeType();
    }
    if (type == Type.BOOL && v != 0 && v != 1) {
      return key + " = " + v + " is not " + describeType();
    }
    if (v < min || v > max) {
      return key
          + " = "
          + format(v)
          + " is outside ["
          + format(min)
          + ", "
          + format(max)
          + "] ("
          + doc
          + ")";
    }
    return null;
  }

  private String describeType() {
    return switch (type) {
      case REAL -> "a number";
      case INT -> "an integer";
      case BOOL -> "true or false";
    };
  }

  /** The value as YAML or a command line would write it. */
  public Object toPlain(double v) {
    return switch (type) {
      case REAL -> v;
      case INT -> (long) v;
      case BOOL -> v != 0;
    };
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
