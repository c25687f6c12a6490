package dev.ugoki.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.study.ScalingStudy;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone Spark cluster as separate JVMs on the loopback: a Master and a Worker started from
 * the test's own class path (a SPARK_HOME whose jars/ holds it), the study's driver in this JVM in
 * client mode, its executor a JVM the Worker starts. A scaling study's and a sweep's bytes equal
 * the sequential runs'.
 */
class StandaloneClusterTest {
  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void aStudyAndASweepOnAStandaloneMasterAndWorkerGiveTheSequentialBytes() throws Exception {
    Path config = tmp.resolve("family.yaml");
    Files.writeString(config, SparkCellsTest.FAMILY);
    new ScalingStudy(
            SparkCellsTest.settings(config, tmp.resolve("sequential")),
            new Sequential(),
            new PrintWriter(new StringWriter()))
        .run();

    Path home = sparkHome();
    int masterPort = freePort();
    List<Process> cluster = new ArrayList<>();
    try {
      cluster.add(
          start(
              home,
              "master",
              "org.apache.spark.deploy.master.Master",
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(masterPort),
              "--webui-port",
              Integer.toString(freePort())));
      String url = "spark://127.0.0.1:" + masterPort;
      cluster.add(
          start(
              home,
              "worker",
              "org.apache.spark.deploy.worker.Worker",
              url,
              "--host",
              "127.0.0.1",
              "--cores",
              "2",
              "--memory",
              "2g",
              "--work-dir",
              tmp.resolve("work").toString(),
              "--webui-port",
              Integer.toString(freePort())));
      SparkConf conf = SparkCells.conf(url, "StandaloneClusterTest");
      conf.set("spark.driver.host", "127.0.0.1");
      conf.set("spark.driver.bindAddress", "127.0.0.1");
      conf.set("spark.ui.enabled", "false");
      conf.set("spark.executor.memory", "1g");
      StringWriter log = new StringWriter();
      try (SparkCells runner = new SparkCells(conf)) {
        new ScalingStudy(
                SparkCellsTest.settings(config, tmp.resolve("cluster")),
                runner,
                new PrintWriter(log))
            .run();
      }
      assertThat(log.toString()).contains("on Spark " + url);
      for (String f : List.of("results.csv", "summary.json")) {
        assertThat(tmp.resolve("cluster").resolve(f))
            .hasSameBinaryContentAs(tmp.resolve("sequential").resolve(f));
      }
      // and a sweep, on the same cluster
      List<byte[]> sweep = SparkCellsTest.sweep(new Sequential(), tmp, "sweep-sequential");
      assertThat(SparkCellsTest.sweep(new SparkCells(conf), tmp, "sweep-cluster"))
          .containsExactlyElementsOf(sweep);
      // the cells ran in the Worker's executor, not in this JVM
      try (Stream<Path> logs = Files.walk(tmp.resolve("work"))) {
        assertThat(logs.filter(p -> p.getFileName().toString().equals("stderr"))).isNotEmpty();
      }
    } finally {
      // the Worker first (it stops its executors), then the Master
      for (int i = cluster.size() - 1; i >= 0; i--) {
        cluster.get(i).destroy();
      }
      for (Process p : cluster) {
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  /**
   * A SPARK_HOME for the Master, the Worker and its executors: jars/ holds every jar of the test's
   * class path, and each class folder (the modules' target/classes) packed as a jar.
   */
  private Path sparkHome() throws IOException {
    Path home = tmp.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "Spark for Ugoki's tests\n");
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int n = 0;
    for (String entry : cp.split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        jarUp(p, jars.resolve("classes-" + n++ + ".jar"));
      } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        Files.createSymbolicLink(jars.resolve(n++ + "-" + p.getFileName()), p.toAbsolutePath());
      }
    }
    return home;
  }

  private static void jarUp(Path dir, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, j);
        j.closeEntry();
      }
    }
  }

  private Process start(Path home, String name, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("@" + Path.of("jvm.options").toAbsolutePath());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(home.resolve("jars") + File.separator + "*");
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve(name + ".log").toFile());
    return pb.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
