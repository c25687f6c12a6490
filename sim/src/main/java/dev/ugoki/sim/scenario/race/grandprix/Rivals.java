package dev.ugoki.sim.scenario.race.grandprix;

import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.scenario.race.RaceCar;
import dev.ugoki.sim.scenario.race.Track;

/**
 * What a driver knows of the cars around it: the nearest car ahead and the nearest behind along the
 * track, among the cars on it, as {@link GrandPrix}'s class comment gives the channels.
 */
final class Rivals {
  /** How far along the track the nearest cars are observed [m]. */
  static final double SEE_M = 50;

  private static final String[] CHANNELS = {"gap", "side", "speed", "heading"};

  private Rivals() {}

  /** Adds the channels of the car ahead, then of the car behind. */
  static Spec.Builder channels(Spec.Builder b) {
    for (String side : new String[] {"ahead", "behind"}) {
      b.add(side + "." + CHANNELS[0], 0, 1);
      for (int k = 1; k < CHANNELS.length; k++) {
        b.add(side + "." + CHANNELS[k], -1, 1);
      }
    }
    return b;
  }

  /**
   * Writes what car i sees of the nearest car on the track ahead of it (or behind), from {@code k};
   * returns the index after it.
   */
  static int nearest(
      RaceCar[] cars,
      boolean[] onTrack,
      int i,
      boolean ahead,
      double topSpeedMps,
      float[] obs,
      int k) {
    Track track = cars[i].track();
    Track.Projection me = cars[i].where();
    int best = -1;
    double bestGap = SEE_M;
    for (int j = 0; j < cars.length; j++) {
      if (j == i || !onTrack[j]) {
        continue;
      }
      double ds = track.along(me.s(), cars[j].where().s());
      double gap = ahead ? ds : -ds;
      if (gap >= 0 && gap < bestGap) {
        bestGap = gap;
        best = j;
      }
    }
    obs[k++] = (float) (bestGap / SEE_M);
    if (best < 0) {
      obs[k++] = 0;
      obs[k++] = 0;
      obs[k++] = 0;
      return k;
    }
    CarState other = cars[best].state();
    CarState self = cars[i].state();
    obs[k++] =
        (float)
            Geometry.clamp(
                (cars[best].where().lateralM() - me.lateralM()) / (2 * me.halfWidthM()), -1, 1);
    obs[k++] = (float) Geometry.clamp((other.speedMps() - self.speedMps()) / topSpeedMps, -1, 1);
    obs[k++] =
        (float)
            Geometry.clamp(Geometry.wrapAngle(other.heading() - self.heading()) / Math.PI, -1, 1);
    return k;
  }
}
