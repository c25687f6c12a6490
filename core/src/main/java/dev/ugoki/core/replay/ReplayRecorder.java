package dev.ugoki.core.replay;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.EnvWrapper;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.StepResult;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the episode going on in an environment as a {@link Replay}: the seed of the last reset, and
 * every action and reward since. Wrap it directly around the scenario's environment ({@code
 * Scenarios.make}), under any layout a policy adds ({@code SharedSpace}, {@code AdaptedBody}), so
 * that the actions kept are the ones the scenario itself takes. When an episode ends, the finished
 * replay goes to the listener given.
 *
 * <p>An episode longer than {@link #MAX_STEPS} is kept no further (memory stays bounded: 16 bytes a
 * step for a two-value action): {@link #current()} then says so.
 */
public final class ReplayRecorder extends EnvWrapper {
  /** The longest episode kept, in steps (about 4.6 hours of race at 60 steps a second). */
  public static final int MAX_STEPS = 1_000_000;

  private final String driver;
  private final Consumer<Replay> finished;
  private final int actionSize;
  private long seed;
  private boolean started;
  private final StepLog log;
  private boolean overflow;
  private Replay lastFinished;

  /**
   * @param env the scenario's environment, with its own wrappers
   * @param driver who acts, as the replay names it
   * @param finished hears every episode that ends (on the stepping thread)
   */
  public ReplayRecorder(Env env, String driver, Consumer<Replay> finished) {
    super(env);
    this.driver = Objects.requireNonNull(driver);
    this.finished = Objects.requireNonNull(finished);
    this.actionSize = env.actionSpec().size();
    this.log = new StepLog(actionSize);
  }

  /** As above, with nobody listening: the episode is read with {@link #current()}. */
  public ReplayRecorder(Env env, String driver) {
    this(env, driver, r -> {});
  }

  @Override
  public float[] reset(long seed) {
    float[] obs = env.reset(seed);
    this.seed = seed;
    started = true;
    log.clear();
    overflow = false;
    return obs;
  }

  @Override
  public StepResult step(float[] action) {
    StepResult r = env.step(action);
    if (!log.full()) {
      log.add(action, r.reward());
    } else {
      overflow = true;
    }
    if (r.done() && !overflow) {
      lastFinished = replay(Replay.endOf(r));
      finished.accept(lastFinished);
    }
    return r;
  }

  /** Steps kept of the episode going on (or of the one that just ended). */
  public int steps() {
    return log.steps();
  }

  /** The seed of the last reset. */
  public long seed() {
    return seed;
  }

  /**
   * The episode so far (its end {@link Replay#CUT}); null before the first reset or when the
   * episode has run past {@link #MAX_STEPS}.
   */
  public Replay current() {
    return !started || overflow ? null : replay(Replay.CUT);
  }

  /** The last episode that ended (kept whole), or null before one did. */
  public Replay lastFinished() {
    return lastFinished;
  }

  /** The recorder inside {@code env}'s wrappers (or {@code env} itself), or null. */
  public static ReplayRecorder in(Env env) {
    for (Env e = env; e != null; e = e instanceof EnvWrapper w ? w.inner() : null) {
      if (e instanceof ReplayRecorder r) {
        return r;
      }
    }
    return null;
  }

  private Replay replay(String end) {
    Scenario s = env.unwrapped();
    return new Replay(
        s.name(),
        s.version(),
        s.config().asMap(),
        seed,
        driver,
        actionSize,
        log.actions(),
        log.rewards(),
        end);
  }
}
