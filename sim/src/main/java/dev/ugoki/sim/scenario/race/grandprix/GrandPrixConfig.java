package dev.ugoki.sim.scenario.race.grandprix;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.race.RaceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of a grand prix: {@code race}'s keys of the world (the step, the time limit, the laps,
 * the track, the car, the lidar, the reward weights it shares), with three laps and the dynamic car
 * by default, and the grid's own keys and reward weights. Race's keys of a single agent's episode
 * (random start, body families, the wrappers' noise and delays, the steering-change cost) are not
 * among them: here every car is the nominal car and starts on the grid.
 *
 * @param race the race keys, read as {@code race} reads them
 * @param cars cars on the grid
 * @param gapM distance between grid slots along the track [m]
 * @param dtS simulation step [s]
 * @param maxSteps steps before every car still racing is truncated
 */
public record GrandPrixConfig(RaceConfig race, int cars, double gapM, double dtS, int maxSteps) {

  public static final String CARS = "grid.cars";
  public static final String GAP = "grid.gap";

  /** The most cars a grid holds. */
  public static final int MAX_CARS = 8;

  /** Race's reward terms, less the steering change, and the race's own. */
  public static final List<String> TERMS =
      List.of("progress", "crash", "lap", "collision", "position", "finish", "time");

  /** Race's defaults that a grand prix changes. */
  private static final Map<String, Double> DEFAULTS =
      Map.of(RaceConfig.LAPS, 3.0, RaceConfig.CAR_DYNAMIC, 1.0, CommonParams.MAX_STEPS, 6000.0);

  public static final List<Param> PARAMS = params();

  /** Whether race's key {@code key} means something in a grand prix. */
  private static boolean shared(String key) {
    return key.equals(CommonParams.DT)
        || key.equals(CommonParams.MAX_STEPS)
        || key.equals(RaceConfig.LAPS)
        || key.startsWith("track.")
        || key.startsWith("lidar.")
        || key.startsWith("car.")
        || (key.startsWith("reward.") && TERMS.contains(key.substring("reward.".length())));
  }

  private static List<Param> params() {
    List<Param> p = new ArrayList<>();
    for (Param q : RaceConfig.PARAMS) {
      if (shared(q.key())) {
        Double d = DEFAULTS.get(q.key());
        p.add(d == null ? q : new Param(q.key(), q.type(), d, q.min(), q.max(), q.doc()));
      }
    }
    p.add(Param.integer(CARS, 4, 2, MAX_CARS, "cars on the grid"));
    p.add(Param.real(GAP, 8, 6, 30, "distance between grid slots along the track [m]"));
    p.add(
        Param.real(
            "reward.collision",
            -2,
            -1000,
            1000,
            "weight of a collision the car caused (it was behind the car it hit)"));
    p.add(
        Param.real(
            "reward.position",
            1,
            -1000,
            1000,
            "weight per place gained (negative when places are lost)"));
    p.add(
        Param.real(
            "reward.finish",
            10,
            -1000,
            1000,
            "weight of finishing, times the share of the field behind (1 for a win)"));
    return List.copyOf(p);
  }

  /** The values of {@code c}, checked as {@code race} checks its own. */
  public static GrandPrixConfig of(Config c) {
    // race reads its whole key set: its single-agent keys at their defaults
    Map<String, Object> values = new java.util.LinkedHashMap<>(c.asMap());
    values.keySet().removeIf(k -> RaceConfig.PARAMS.stream().noneMatch(q -> q.key().equals(k)));
    Config race = Config.defaults(c.owner(), RaceConfig.PARAMS).with(values);
    return new GrandPrixConfig(
        RaceConfig.of(race),
        c.integer(CARS),
        c.real(GAP),
        c.real(CommonParams.DT),
        c.integer(CommonParams.MAX_STEPS));
  }
}
