package dev.ugoki.sim.scenario.race.grandprix;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.ParallelEnv;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.scenario.LidarParams;
import dev.ugoki.sim.scenario.RewardWeights;
import dev.ugoki.sim.scenario.race.CarDrawing;
import dev.ugoki.sim.scenario.race.RaceCar;
import dev.ugoki.sim.scenario.race.Track;
import dev.ugoki.sim.scenario.race.TrackDrawing;
import dev.ugoki.sim.scenario.race.TrackGenerator;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import dev.ugoki.sim.sensor.Lidar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code grandprix}: 2 to 8 cars race laps of one {@code race} track from a grid, as a {@link
 * ParallelEnv} (agents {@code car.0} ... {@code car.N-1}, {@code car.0} on pole).
 *
 * <h2>Action space</h2>
 *
 * Each car's as in {@code race}: {@code steer} and {@code throttle} in [-1, 1].
 *
 * <h2>Observation space</h2>
 *
 * Each car's {@code race} channels (its lidar now stops at the other cars' bodies too), then what a
 * driver knows of the nearest car ahead and the nearest behind along the track, among the cars on
 * it: {@code ahead.gap} and {@code behind.gap} in [0, 1], the distance along the centerline over
 * {@value Rivals#SEE_M} m (1: none that near); {@code ahead.side} and {@code behind.side} in [-1,
 * 1], its offset from the centerline less this car's, over the track's width; {@code ahead.speed}
 * and {@code behind.speed} in [-1, 1], its speed less this car's over the top speed; {@code
 * ahead.heading} and {@code behind.heading} in [-1, 1], its heading less this car's over pi; and
 * {@code place} in [0, 1]: its place in the race over the last place (0 leads).
 *
 * <h2>Rewards</h2>
 *
 * Named terms, each times its {@code reward.*} weight: {@code progress}, metres along the
 * centerline; {@code crash}, 1 when the car leaves the track; {@code lap}, 1 per lap completed;
 * {@code collision}, the cars it touched this step while behind them (at fault, as racing rules
 * have it: the car that hits another from behind or from the side while not ahead); {@code
 * position}, places gained this step (negative when lost); {@code finish}, on crossing the line for
 * the last time, the share of the field behind it (1 for a win, 0 for last); {@code time}, 1 per
 * step.
 *
 * <h2>Starting state</h2>
 *
 * A track from the seed (or {@code track.seed}); the cars at rest on a staggered grid of two
 * columns behind the start line, {@code grid.gap} metres apart along the track, pole first. Their
 * laps count from the line.
 *
 * <h2>Episode end</h2>
 *
 * A car's part ends when it leaves the track (terminated; its wreck stays where it stopped, a body
 * the others can hit), when it has driven {@code race.laps} laps (terminated, success; it leaves
 * the track) or at {@code max_steps} (truncated). The episode ends when no car is left.
 *
 * <h2>Version history</h2>
 *
 * v1: first version.
 */
public final class GrandPrix implements ParallelEnv {
  public static final String NAME = "grandprix";
  public static final int VERSION = 1;

  private final GrandPrixConfig cfg;
  private final CarParams car;
  private final Lidar lidar;
  private final double maxCurvature;
  private final RewardWeights rewards;
  private final List<String> names;
  private final Spec observation;
  private final Spec action;

  private SplittableRandom random;
  private Track track;
  private List<Shape> background;
  private RaceCar[] cars;
  private CarContacts contacts;
  private CarBoxes boxes;
  private boolean[] racing;
  private boolean[] onTrack;
  private int[] place;
  private int finished;
  private int steps;

  public GrandPrix(Config config) {
    this.cfg = GrandPrixConfig.of(config);
    this.car = cfg.race().car();
    this.lidar = LidarParams.lidar(config);
    this.maxCurvature = 1 / TrackGenerator.minCornerRadiusM(cfg.race().track());
    this.rewards = RewardWeights.of(config, GrandPrixConfig.TERMS);
    List<String> n = new ArrayList<>();
    for (int i = 0; i < cfg.cars(); i++) {
      n.add("car." + i);
    }
    this.names = List.copyOf(n);
    Spec.Builder b = Rivals.channels(RaceCar.channels(Spec.builder(), lidar.rays()));
    this.observation = b.add("place", 0, 1).build();
    this.action = Spec.builder().add("steer", -1, 1).add("throttle", -1, 1).build();
  }

  @Override
  public List<String> possibleAgents() {
    return names;
  }

  @Override
  public List<String> agents() {
    List<String> live = new ArrayList<>();
    for (int i = 0; racing != null && i < racing.length; i++) {
      if (racing[i]) {
        live.add(names.get(i));
      }
    }
    return live;
  }

  @Override
  public Spec observationSpec(String agent) {
    index(agent);
    return observation;
  }

  @Override
  public Spec actionSpec(String agent) {
    index(agent);
    return action;
  }

  /** The track of this episode. */
  public Track track() {
    requireStarted();
    return track;
  }

  /** Car {@code agent}'s state. */
  public CarState car(String agent) {
    requireStarted();
    return cars[index(agent)].state();
  }

  /** Car i on the track (its expert drives it). */
  RaceCar racer(int i) {
    requireStarted();
    return cars[i];
  }

  /** Whether car i is on the track: racing, or its wreck. */
  boolean onTrack(int i) {
    requireStarted();
    return onTrack[i];
  }

  /** Car {@code agent}'s place in the race, 0 for the lead. */
  public int place(String agent) {
    requireStarted();
    return place[index(agent)];
  }

  @Override
  public Map<String, float[]> reset(long seed) {
    random = new SplittableRandom(seed);
    long trackSeed = cfg.race().trackSeed() >= 0 ? cfg.race().trackSeed() : random.nextLong();
    if (track == null || track.seed() != trackSeed) {
      track = TrackGenerator.generate(trackSeed, cfg.race().track());
      background = TrackDrawing.background(track, 0);
    }
    int n = cfg.cars();
    cars = new RaceCar[n];
    CarParams[] params = new CarParams[n];
    for (int i = 0; i < n; i++) {
      double behind = (i + 0.5) * cfg.gapM();
      cars[i] = new RaceCar(track, car, cfg.race().dynamic(), slot(i, behind), -behind);
      params[i] = car;
    }
    contacts = new CarContacts(List.of(params));
    boxes = new CarBoxes(params);
    racing = new boolean[n];
    onTrack = new boolean[n];
    Arrays.fill(racing, true);
    Arrays.fill(onTrack, true);
    place = new int[n];
    finished = 0;
    steps = 0;
    rank(new boolean[n]);
    placeBoxes();
    Map<String, float[]> obs = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      obs.put(names.get(i), observe(i));
    }
    return obs;
  }

  /** Grid slot i, {@code behindM} behind the line: two columns, a third of the half-width out. */
  private CarState slot(int i, double behindM) {
    double s = track.wrap(-behindM);
    double[] p = track.pointAt(s);
    double h = track.headingAt(s);
    double side = (i % 2 == 0 ? 1 : -1) * track.halfWidth(track.sampleAt(s)) / 3;
    double mx = p[0] - side * Math.sin(h);
    double my = p[1] + side * Math.cos(h);
    double off = car.centerOffsetM();
    return CarState.at(mx - off * Math.cos(h), my - off * Math.sin(h), h, 0);
  }

  @Override
  public Map<String, StepResult> step(Map<String, float[]> actions) {
    requireStarted();
    List<String> live = agents();
    if (live.isEmpty()) {
      throw new IllegalStateException(NAME + ": every car is done; reset first");
    }
    ParallelEnv.checkActions(this, live, actions);
    int n = cars.length;
    double dt = cfg.dtS();
    CarState[] from = new CarState[n];
    CarState[] to = new CarState[n];
    for (int i = 0; i < n; i++) {
      from[i] = cars[i].state();
      float[] a = racing[i] ? actions.get(names.get(i)) : null;
      to[i] = a == null ? from[i] : cars[i].propose(a[0], a[1], dt);
    }
    CarState[] out = contacts.resolve(from, to, onTrack, dt);
    RaceCar.Moved[] moved = new RaceCar.Moved[n];
    for (int i = 0; i < n; i++) {
      if (onTrack[i]) {
        moved[i] = cars[i].commit(out[i]);
      }
    }
    steps++;
    int[] before = place.clone();
    boolean[] wasRacing = racing.clone();
    boolean[] crossed = new boolean[n];
    double laps = cfg.race().laps() * track.length();
    for (int i = 0; i < n; i++) {
      if (!wasRacing[i]) {
        continue;
      }
      if (moved[i].crashed()) {
        racing[i] = false; // the wreck stays on the track
      } else if (cars[i].progressM() >= laps) {
        racing[i] = false;
        onTrack[i] = false;
        crossed[i] = true;
      }
    }
    rank(crossed);
    placeBoxes();
    Map<String, StepResult> results = new LinkedHashMap<>();
    boolean timeUp = steps >= cfg.maxSteps();
    for (int i = 0; i < n; i++) {
      if (!wasRacing[i]) {
        continue;
      }
      int atFault = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && contacts.touched(i, j) && cars[i].progressM() < cars[j].progressM()) {
          atFault++;
        }
      }
      double share = n == 1 ? 1 : (n - 1 - place[i]) / (double) (n - 1);
      RewardTerms terms =
          rewards.terms(
              moved[i].progressM(),
              moved[i].crashed() ? 1 : 0,
              moved[i].lapDone() ? 1 : 0,
              atFault,
              before[i] - place[i],
              crossed[i] ? share : 0,
              1);
      boolean truncated = racing[i] && timeUp;
      if (truncated) {
        racing[i] = false;
      }
      Info info =
          new Info(
              terms,
              moved[i].crashed(),
              crossed[i],
              cars[i].progressM() / track.length(),
              steps * dt);
      results.put(
          names.get(i),
          new StepResult(observe(i), terms.total(), !racing[i] && !truncated, truncated, info));
    }
    return results;
  }

  /**
   * Places: the cars that finished in the order they crossed the line ({@code crossed} this step,
   * by distance), then every other car by its distance, pole first on ties.
   */
  private void rank(boolean[] crossed) {
    int n = cars.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] finishRank = new int[n];
    for (int i = 0; i < n; i++) {
      boolean done = !onTrack[i] && !racing[i];
      finishRank[i] = done && !crossed[i] ? place[i] : done ? finished : Integer.MAX_VALUE;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          if (finishRank[a] != finishRank[b]) {
            return Integer.compare(finishRank[a], finishRank[b]);
          }
          int c = Double.compare(cars[b].progressM(), cars[a].progressM());
          return c != 0 ? c : Integer.compare(a, b);
        });
    for (int k = 0; k < n; k++) {
      place[order[k]] = k;
    }
    for (boolean c : crossed) {
      finished += c ? 1 : 0;
    }
  }

  /** The cars' boxes as the lidars see them now: after every move, before observing. */
  private void placeBoxes() {
    for (int j = 0; j < cars.length; j++) {
      CarState s = cars[j].state();
      boxes.place(j, cars[j].centerX(), cars[j].centerY(), s.heading(), onTrack[j]);
    }
  }

  private float[] observe(int i) {
    float[] obs = new float[observation.size()];
    CarParams scale = car;
    cars[i].observe(lidar, boxes.seenBy(i), random, scale, maxCurvature, obs, 0);
    int k = lidar.rays() + RaceCar.OWN_CHANNELS;
    k = Rivals.nearest(cars, onTrack, i, true, car.maxSpeedMps(), obs, k);
    k = Rivals.nearest(cars, onTrack, i, false, car.maxSpeedMps(), obs, k);
    obs[k] = cars.length == 1 ? 0 : place[i] / (float) (cars.length - 1);
    return obs;
  }

  @Override
  public Scene scene() {
    requireStarted();
    List<Shape> fg = new ArrayList<>();
    for (int i = 0; i < cars.length; i++) {
      if (onTrack[i]) {
        CarDrawing.add(fg, car, cars[i].state());
      }
    }
    double[] b = TrackDrawing.bounds(track);
    return new Scene(
        b[0], b[1], b[2], b[3], background, List.copyOf(fg), cars[0].centerX(), cars[0].centerY());
  }

  private int index(String agent) {
    int i = names.indexOf(agent);
    if (i < 0) {
      throw new IllegalArgumentException(
          NAME + ": no agent " + agent + "; the agents are " + names);
    }
    return i;
  }

  private void requireStarted() {
    if (random == null) {
      throw new IllegalStateException(NAME + ": call reset before step");
    }
  }
}
