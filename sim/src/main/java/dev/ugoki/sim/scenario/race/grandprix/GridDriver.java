package dev.ugoki.sim.scenario.race.grandprix;

import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.scenario.race.PurePursuit;
import dev.ugoki.sim.scenario.race.RaceCar;
import dev.ugoki.sim.scenario.race.Track;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grand prix's expert, first version: {@code race}'s expert ({@link PurePursuit}) keeping the
 * centerline at a pace (a share of its own speed plan, so that opponents come in grades), and
 * braking for a car ahead in its lane: it keeps a headway of {@value #HEADWAY_S} s plus {@value
 * #STANDING_GAP_M} m behind it. It does not overtake yet: a faster car waits behind a slower one.
 */
public final class GridDriver {
  /** The time gap kept to the car ahead [s]. */
  static final double HEADWAY_S = 0.8;

  /** The gap kept at a standstill, bumper to bumper [m]. */
  static final double STANDING_GAP_M = 3;

  /** Speed given up per metre the gap is short [1/s]. */
  static final double GAP_GAIN = 1.5;

  /** A car ahead is in the lane when the centerlines' offsets differ by less than this [m]. */
  static final double LANE_M = 2.4;

  private GridDriver() {}

  /** The command of car {@code i} of {@code gp} at {@code pace}. */
  public static float[] drive(GrandPrix gp, int i, double pace) {
    RaceCar me = gp.racer(i);
    Track track = me.track();
    double length = me.params().lengthM();
    double cap = Double.POSITIVE_INFINITY;
    for (int j = 0; j < gp.possibleAgents().size(); j++) {
      if (j == i || !gp.onTrack(j)) {
        continue;
      }
      RaceCar other = gp.racer(j);
      double ds = track.along(me.where().s(), other.where().s());
      if (ds <= 0 || Math.abs(other.where().lateralM() - me.where().lateralM()) > LANE_M) {
        continue;
      }
      CarState self = me.state();
      double gap = ds - length;
      double wanted = STANDING_GAP_M + HEADWAY_S * self.speedMps();
      cap = Math.min(cap, Math.max(0, other.state().speedMps() + GAP_GAIN * (gap - wanted)));
    }
    return PurePursuit.drive(me, pace, cap);
  }

  /** Every live car's command, car i at {@code paces[i]}. */
  public static Map<String, float[]> all(GrandPrix gp, double[] paces) {
    Map<String, float[]> a = new LinkedHashMap<>();
    for (String agent : gp.agents()) {
      int i = gp.possibleAgents().indexOf(agent);
      a.put(agent, drive(gp, i, paces[i]));
    }
    return a;
  }
}
