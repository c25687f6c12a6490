package dev.ugoki.desktop;

import dev.ugoki.core.replay.Replay;
import dev.ugoki.core.replay.ReplayFile;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file dropped on the window: a replay opens on the timeline (on its scenario, switching to it
 * first, and the camera follows it), demonstrations join the ones B clones, anything else is taken
 * for a policy file and drives a new agent (from the timeline's moment when a replay is open).
 * Never throws: what cannot be used is a message.
 */
final class FileDrop {
  private FileDrop() {}

  static void drop(Path file, UgokiApp app) {
    Session session = app.session();
    if (!Files.isRegularFile(file)) {
      session.message("dropped " + file + ": not a file");
    } else if (ReplayFile.looksLikeReplay(file)) {
      openReplay(file, app);
    } else if (file.getFileName().toString().endsWith(".jsonl")) {
      session.teaching().addDemoFiles(List.of(file));
    } else {
      session.roster().add(new Driver.Policy(file));
    }
  }

  private static void openReplay(Path file, UgokiApp app) {
    Replay r = app.session().replays().read(file);
    if (r == null) {
      return;
    }
    if (!r.scenario().equals(app.session().scenario())) {
      app.switchTo(r.scenario());
    }
    Session session = app.session();
    Agent a = session.replays().open(file, r);
    if (a != null) {
      app.follow().follow(a.index(), session.agents());
    }
  }
}
