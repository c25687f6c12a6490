package dev.ugoki.sim.env;

import dev.ugoki.sim.config.Config;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario says of itself to every generic part of Ugoki (the evaluation table, the GIF's
 * captions, the window's HUD, legend and camera): its words, its units, its camera, its legend.
 * Nothing outside a scenario switches on its name; it reads this instead.
 *
 * <p>A success is counted in units ({@code lap}, {@code goal}, {@code target}), {@link #count} of
 * them per episode (the config key {@code countKey}, or one). The progress of an episode ({@link
 * Info#progress()}) counts the units done so far: whole units ({@code wholeUnits}: goals reached),
 * or a fraction of the way (laps driven).
 *
 * @param unit one unit of success ({@code lap})
 * @param units its plural ({@code laps})
 * @param verb what is said of a unit when it is done ({@code done}, {@code reached})
 * @param countKey the config key that says how many units make a success; null for one
 * @param wholeUnits whether progress counts whole units (goals) rather than a fraction (laps)
 * @param world what a new seed makes anew, for a person ({@code track}, {@code room})
 * @param viewWidthM how wide a camera that follows the body shows the world at zoom 1 [m]
 * @param speedKmh whether a person reads the body's speed in km/h (a car) rather than m/s
 * @param speedOf what the speed is of when it is not the body's own ({@code tip}); empty otherwise
 * @param crashes whether the body can crash (an arm cannot)
 * @param legend what the scene's colours and shapes mean, in the order a person reads them
 * @param watchOverrides config keys a window that watches the scenario sets over the defaults (a
 *     race of many laps)
 * @param score what progress measures when it is a share of the task, not units of it ({@code
 *     coverage}: the evaluation reports its final and best values); empty otherwise
 * @param scoreFullKey the config key of the share that wins the task ({@code success.coverage}):
 *     the evaluation also reports the best share over it, at most 1, the score Push-T's papers
 *     quote as coverage; empty for none
 */
public record Presentation(
    String unit,
    String units,
    String verb,
    String countKey,
    boolean wholeUnits,
    String world,
    double viewWidthM,
    boolean speedKmh,
    String speedOf,
    boolean crashes,
    List<Legend> legend,
    Map<String, Object> watchOverrides,
    String score,
    String scoreFullKey) {

  public Presentation {
    Objects.requireNonNull(unit);
    Objects.requireNonNull(units);
    Objects.requireNonNull(verb);
    Objects.requireNonNull(world);
    Objects.requireNonNull(speedOf);
    Objects.requireNonNull(score);
    Objects.requireNonNull(scoreFullKey);
    if (!(viewWidthM > 0 && viewWidthM < 1e6)) {
      throw new IllegalArgumentException(
          "a camera's view must be a positive number of metres, got " + viewWidthM);
    }
    legend = List.copyOf(legend);
    // in the order given: a window's config reads them in that order
    watchOverrides =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(watchOverrides));
  }

  /**
   * One line of a scene's legend: what the shapes drawn in {@code rgb} are, and what they mean.
   *
   * @param rgb the colour as {@code 0xRRGGBB} (one of {@code Colors})
   * @param what the shapes, as a person would name them ({@code white lines})
   * @param means what they mean ({@code the track's edges: touching one is a crash})
   */
  public record Legend(int rgb, String what, String means) {}

  /** The legend's line for lidar rays, drawn in each agent's colour (the first's here). */
  public static final Legend RAYS =
      new Legend(
          dev.ugoki.sim.scene.Colors.tint(0),
          "rays",
          "the lidar each body senses with, in its agent's colour");

  /** The legend's line for trails, drawn in each agent's colour (the second's here). */
  public static final Legend TRAIL =
      new Legend(
          dev.ugoki.sim.scene.Colors.tint(1),
          "trail",
          "where each agent has been; the bodies pass through each other");

  /** A presentation with neutral words: success, no count, a 20 m view, no legend. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many units make one success in {@code config}. */
  public int count(Config config) {
    return countKey == null ? 1 : config.integer(countKey);
  }

  /** The episode's progress in the scenario's words: {@code lap 45%}, {@code goals 2/5}. */
  public String progress(Config config, double progress) {
    if (!score.isEmpty()) {
      return fmt("%s %.1f%%", score, 100 * Math.max(0, progress));
    }
    int n = count(config);
    if (wholeUnits) {
      return fmt("%s %d/%d", units, (int) progress, n);
    }
    return n == 1
        ? fmt("%s %.0f%%", unit, 100 * Math.max(0, progress))
        : fmt("%s %.2f/%d", units, Math.max(0, progress), n);
  }

  /** A success, in the scenario's words: {@code lap done in 36.5 s}. */
  public String success(Config config, double timeS) {
    int n = count(config);
    return n == 1
        ? fmt("%s %s in %.1f s", unit, verb, timeS)
        : fmt("all %d %s %s in %.1f s", n, units, verb, timeS);
  }

  /** The evaluation table's time column: {@code mean lap time}, {@code mean time, 5 goals}. */
  public String timeColumn(Config config) {
    int n = count(config);
    return n == 1 ? "mean " + unit + " time" : "mean time, " + n + " " + units;
  }

  /** The tally of whole units over episodes: {@code goals reached: 240 of 250 (96.0%)}. */
  public String tally(Config config, double done, int episodes) {
    int all = count(config) * episodes;
    return fmt("%s %s: %.0f of %d (%.1f%%)", units, verb, done, all, 100 * done / all);
  }

  /** The body's speed in the unit a person reads it in: {@code 45.3 km/h}, {@code 0.52 m/s}. */
  public String speed(double mps) {
    if (Double.isNaN(mps)) {
      return "-";
    }
    return speedKmh
        ? fmt("%5.1f km/h", mps * 3.6)
        : fmt("%4.2f m/s%s", mps, speedOf.isEmpty() ? "" : " (" + speedOf + ")");
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** Builds a presentation, each part defaulting to the neutral one. */
  public static final class Builder {
    private String unit = "success";
    private String units = "successes";
    private String verb = "reached";
    private String countKey;
    private boolean wholeUnits;
    private String world = "world";
    private double viewWidthM = 20;
    private boolean speedKmh;
    private String score = "";
    private String scoreFullKey = "";
    private String speedOf = "";
    private boolean crashes = true;
    private final List<Legend> legend = new java.util.ArrayList<>();
    private final Map<String, Object> watch = new java.util.LinkedHashMap<>();

    private Builder() {}

    /** One unit of success, its plural, and what is said of it when done. */
    public Builder success(String unit, String units, String verb) {
      this.unit = unit;
      this.units = units;
      this.verb = verb;
      return this;
    }

    /**
     * The config key that counts the units of one success; {@code wholeUnits}: progress counts
     * whole units rather than a fraction of the way.
     */
    public Builder count(String key, boolean wholeUnits) {
      this.countKey = key;
      this.wholeUnits = wholeUnits;
      return this;
    }

    public Builder world(String world) {
      this.world = world;
      return this;
    }

    public Builder viewWidthM(double viewWidthM) {
      this.viewWidthM = viewWidthM;
      return this;
    }

    /** The speed in km/h (a car). */
    public Builder speedKmh() {
      this.speedKmh = true;
      return this;
    }

    /** The speed quoted is of this part, not the body's own ({@code tip}). */
    public Builder speedOf(String part) {
      this.speedOf = part;
      return this;
    }

    /** The body cannot crash. */
    public Builder noCrashes() {
      this.crashes = false;
      return this;
    }

    public Builder legend(int rgb, String what, String means) {
      legend.add(new Legend(rgb, what, means));
      return this;
    }

    public Builder legend(Legend line) {
      legend.add(line);
      return this;
    }

    public Builder legend(List<Legend> lines) {
      legend.addAll(lines);
      return this;
    }

    /** A key a window that watches the scenario sets over the defaults. */
    public Builder watch(String key, Object value) {
      watch.put(key, value);
      return this;
    }

    /**
     * Progress is a share of the task, named {@code name} ({@code coverage}); the config key {@code
     * fullKey} holds the share that wins it.
     */
    public Builder score(String name, String fullKey) {
      this.score = name;
      this.scoreFullKey = fullKey;
      return this;
    }

    public Presentation build() {
      return new Presentation(
          unit,
          units,
          verb,
          countKey,
          wholeUnits,
          world,
          viewWidthM,
          speedKmh,
          speedOf,
          crashes,
          legend,
          watch,
          score,
          scoreFullKey);
    }
  }
}
