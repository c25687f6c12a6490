package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.GaussianPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop app's live training relies on: every update is reported with the policy as it
 * is, a checkpoint asked for is written after the update it was asked in, and a stop ends the run
 * there with its policy saved and resumable.
 */
class PpoTrainerListenerTest {
  private static final List<String> TINY =
      List.of(
          "ppo.num_envs=2",
          "ppo.num_steps=64",
          "ppo.update_epochs=1",
          "ppo.hidden=16",
          "max_steps=200");

  /** Records what it hears; asks for a checkpoint after update 2 and a stop after update 3. */
  private static final class Recorder implements TrainingListener {
    final List<Update> updates = new ArrayList<>();
    final List<float[]> params = new ArrayList<>();
    final List<Path> checkpoints = new ArrayList<>();
    final List<Integer> checkpointAfter = new ArrayList<>();

    @Override
    public void onUpdate(Update u, GaussianPolicy policy) {
      updates.add(u);
      params.add(policy.copy().network().params());
    }

    @Override
    public boolean checkpointRequested() {
      return updates.size() == 2;
    }

    @Override
    public void onCheckpoint(Path file) {
      checkpoints.add(file);
      checkpointAfter.add(updates.size());
    }

    @Override
    public boolean stopRequested() {
      return updates.size() == 3;
    }
  }

  @Test
  void updatesAreReportedACheckpointIsWrittenOnRequestAndAStopSavesAResumablePolicy(
      @TempDir Path tmp) throws Exception {
    // checkpoints by time never come due here: only the first, the asked-for and the last
    RunPlan plan =
        RunPlan.resolve(
            new RunRequest(
                null, "race", "ppo", 1L, 128L * 20, null, TINY, null, List.of(), null, 1e9));
    RunFolder folder = plan.folder(tmp);
    Recorder rec = new Recorder();
    Outcome out = train(plan, folder, rec);

    assertThat(rec.updates).extracting(TrainingListener.Update::update).containsExactly(1, 2, 3);
    assertThat(rec.updates)
        .extracting(TrainingListener.Update::step)
        .containsExactly(128L, 256L, 384L);
    assertThat(rec.updates.get(0).totalSteps()).isEqualTo(128L * 20);
    // the policy handed over is the one being trained: its weights change from update to update
    assertThat(rec.params.get(1)).isNotEqualTo(rec.params.get(0));
    assertThat(rec.params.get(2)).isNotEqualTo(rec.params.get(1));
    assertThat(rec.checkpointAfter).containsExactly(1, 2, 3);
    assertThat(rec.checkpoints.get(1)).isEqualTo(folder.checkpoint(256));

    assertThat(out.stoppedOnNan()).isFalse();
    assertThat(out.steps()).isEqualTo(384);
    assertThat(out.message()).contains("stopped on request").contains("384");
    PolicyFile.Loaded saved = PolicyFile.load(folder.policy());
    assertThat(saved.meta().steps()).isEqualTo(384);
    assertThat(saved.policy().network().params()).isEqualTo(rec.params.get(2));
    assertThat(Files.readAllLines(folder.metrics())).hasSize(1 + 3);

    // the stopped run goes on from where it stopped
    RunPlan more = RunPlan.resume(folder.dir(), 640L);
    assertThat(more.resuming()).isTrue();
    Outcome resumed = train(more, more.folder(tmp), TrainingListener.NONE);
    assertThat(resumed.steps()).isEqualTo(640);
    assertThat(Files.readAllLines(folder.metrics())).hasSize(1 + 5);
  }

  /** DAgger reports each iteration, answers a checkpoint request, and stops when asked. */
  @Test
  void daggerReportsItsIterationsCheckpointsOnRequestAndStops(@TempDir Path tmp) throws Exception {
    RunPlan plan =
        RunPlan.resolve(
            RunRequest.of(
                null,
                "race",
                "dagger",
                1L,
                1200L,
                null,
                List.of(
                    "dagger.num_envs=2",
                    "dagger.epochs=2",
                    "dagger.hidden=16",
                    "dagger.iterations=3",
                    "max_steps=100")));
    RunFolder folder = plan.folder(tmp);
    Recorder rec = new Recorder();
    Outcome out = train(plan, folder, rec);
    assertThat(rec.updates).extracting(TrainingListener.Update::update).containsExactly(1, 2, 3);
    // asked after iteration 2: its checkpoint; then the final one after the stop at 3
    assertThat(rec.checkpointAfter).containsExactly(2, 3);
    assertThat(rec.checkpoints.get(0)).isEqualTo(folder.checkpoint(rec.updates.get(1).step()));
    assertThat(folder.checkpoint(rec.updates.get(1).step())).isRegularFile();
    assertThat(out.updates()).isEqualTo(3);
    assertThat(folder.policy()).isRegularFile();
  }

  private static Outcome train(RunPlan plan, RunFolder folder, TrainingListener listener)
      throws Exception {
    return plan.algorithm()
        .trainer()
        .train(plan, folder, new Trainer.Options(Progress.silent(), -1, listener));
  }
}
