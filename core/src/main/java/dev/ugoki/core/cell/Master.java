package dev.ugoki.core.cell;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --master}, parsed strictly in one place before any Spark starts: {@code sequential},
 * {@code local}, {@code local[*]}, {@code local[N]} (1 to {@value #MAX_LOCAL_THREADS} threads),
 * {@code spark://HOST:PORT[,HOST:PORT...]}, {@code yarn} (with {@code HADOOP_CONF_DIR} or {@code
 * YARN_CONF_DIR} set) or {@code k8s://[https://]HOST:PORT}. A cluster that does not answer on its
 * port within {@link #CONNECT_TIMEOUT_MS} is refused then, in one line, instead of after a minute
 * of Spark's retries.
 *
 * @param text the master as given, what Spark is handed
 * @param endpoints the host and port of each cluster manager to reach ({@code spark://}, {@code
 *     k8s://}); empty for the others
 */
public record Master(String text, List<InetSocketAddress> endpoints) {
  /** The most threads {@code local[N]} may ask for: more only starves the machine. */
  public static final int MAX_LOCAL_THREADS = 256;

  /** How long a cluster manager has to accept a connection [ms]. */
  public static final int CONNECT_TIMEOUT_MS = 5_000;

  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d{1,9})\\])?");
  private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9._-]+):(\\d{1,5})");

  public Master {
    endpoints = List.copyOf(endpoints);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException in one line saying what a master may be
   */
  public static Master parse(String text) {
    if (text == null || text.isBlank()) {
      throw refused(String.valueOf(text), "is empty");
    }
    if (text.equals(CellRunner.SEQUENTIAL) || text.equals("yarn")) {
      if (text.equals("yarn")
          && System.getenv("HADOOP_CONF_DIR") == null
          && System.getenv("YARN_CONF_DIR") == null) {
        throw new IllegalArgumentException(
            "--master yarn needs HADOOP_CONF_DIR or YARN_CONF_DIR, which say where the cluster"
                + " is; neither is set");
      }
      return new Master(text, List.of());
    }
    Matcher local = LOCAL.matcher(text);
    if (local.matches()) {
      String n = local.group(1);
      if (n != null && !n.equals("*")) {
        long threads = Long.parseLong(n);
        if (threads < 1 || threads > MAX_LOCAL_THREADS) {
          throw new IllegalArgumentException(
              "--master "
                  + text
                  + " asks for "
                  + threads
                  + " threads; local[N] takes 1 to "
                  + MAX_LOCAL_THREADS
                  + " (local[*]: one per core)");
        }
      }
      return new Master(text, List.of());
    }
    if (text.startsWith("spark://")) {
      List<InetSocketAddress> at = new ArrayList<>();
      for (String hp : text.substring("spark://".length()).split(",", -1)) {
        at.add(endpoint(text, hp));
      }
      return new Master(text, at);
    }
    if (text.startsWith("k8s://")) {
      String rest = text.substring("k8s://".length());
      String hostPort = rest;
      if (rest.startsWith("https://") || rest.startsWith("http://")) {
        try {
          URI u = new URI(rest);
          int port = u.getPort() > 0 ? u.getPort() : rest.startsWith("https") ? 443 : 80;
          hostPort = u.getHost() + ":" + port;
        } catch (java.net.URISyntaxException e) {
          throw refused(text, "has no valid URL after k8s://");
        }
      }
      return new Master(text, List.of(endpoint(text, hostPort)));
    }
    throw refused(text, "is no master");
  }

  /**
   * For a local master, the threads it asks for as Spark writes them ({@code *} or a number; {@code
   * local} alone is one); null for any other master.
   */
  public String localThreads() {
    Matcher local = LOCAL.matcher(text);
    if (!local.matches()) {
      return null;
    }
    return local.group(1) == null ? "1" : local.group(1);
  }

  private static InetSocketAddress endpoint(String text, String hostPort) {
    Matcher m = HOST_PORT.matcher(hostPort);
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 1 || port > 65_535) {
      throw refused(text, "needs HOST:PORT with a port from 1 to 65535");
    }
    return InetSocketAddress.createUnresolved(m.group(1), port);
  }

  private static IllegalArgumentException refused(String text, String why) {
    return new IllegalArgumentException(
        "--master "
            + text
            + " "
            + why
            + "; a master is local[*], local[N] (N from 1 to "
            + MAX_LOCAL_THREADS
            + "), spark://HOST:PORT, yarn, k8s://HOST:PORT or sequential");
  }

  /**
   * Checks that some cluster manager of this master accepts a connection within {@link
   * #CONNECT_TIMEOUT_MS}; nothing to check for the others.
   *
   * @throws IllegalArgumentException in one line naming the master and why none answered
   */
  public void checkReachable() {
    if (endpoints.isEmpty()) {
      return;
    }
    List<String> why = new ArrayList<>();
    for (InetSocketAddress a : endpoints) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException | RuntimeException e) {
        why.add(
            a.getHostString()
                + ":"
                + a.getPort()
                + " "
                + (e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().toLowerCase(Locale.ROOT)));
      }
    }
    throw new IllegalArgumentException(
        "--master " + text + ": the cluster does not answer (" + String.join(", ", why) + ")");
  }
}
