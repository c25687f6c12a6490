package dev.ugoki.core.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --master} parsed strictly in one place (issue 26, probes 8-10). */
class MasterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sequential",
        "local",
        "local[*]",
        "local[1]",
        "local[256]",
        "spark://127.0.0.1:7077",
        "spark://a:7077,b:7078",
        "k8s://https://10.0.0.1:6443",
        "k8s://10.0.0.1:6443"
      })
  void theMastersSparkTakesAreTaken(String text) {
    assertThat(Master.parse(text).text()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "local[0]", "local[-1]", "local[abc]", "local[*", "local[100000]", "local[9999999999]",
        "spark://", "spark://host", "spark://host:0", "spark://host:70000", "k8s://", "mesos://x:1",
        "", " ", "LOCAL[2]"
      })
  void anythingElseIsRefusedInOneLine(String text) {
    assertThatThrownBy(() -> Master.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--master ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void tooManyLocalThreadsSaysTheLimit() {
    assertThatThrownBy(() -> Master.parse("local[100000]"))
        .hasMessage(
            "--master local[100000] asks for 100000 threads; local[N] takes 1 to 256 (local[*]:"
                + " one per core)");
  }

  @Test
  void aClusterThatDoesNotAnswerIsRefusedAtOnce() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    Master m = Master.parse("spark://127.0.0.1:" + port);
    long t0 = System.nanoTime();
    assertThatThrownBy(m::checkReachable)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "--master spark://127.0.0.1:" + port + ": the cluster does not answer");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(Master.CONNECT_TIMEOUT_MS / 1000.0 + 1);
  }

  @Test
  void aClusterThatAnswersPasses() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      Master.parse("spark://127.0.0.1:" + s.getLocalPort()).checkReachable();
    }
  }
}
