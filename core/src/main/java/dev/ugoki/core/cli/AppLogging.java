package dev.ugoki.core.cli;

/**
 * The logging of Ugoki's applications (the command line, the window): Logback configured by {@value
 * #CONFIG} on core's class path, plain lines on stderr so that stdout carries only a command's own
 * output. Named so that Logback never picks it up by itself: a project that uses core as a library
 * keeps its own logging.
 */
public final class AppLogging {
  /** The configuration, a resource of core's jar. */
  public static final String CONFIG = "ugoki-logback.xml";

  /** Logback's system property that names its configuration. */
  static final String PROPERTY = "logback.configurationFile";

  private AppLogging() {}

  /**
   * Names {@value #CONFIG} as Logback's configuration unless one is named already; call first in a
   * {@code main}, before anything logs.
   */
  public static void configure() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, CONFIG);
    }
  }
}
