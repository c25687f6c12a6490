package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** In multitask the camera shows each body at its own scale, and keeps a person's zoom of each. */
class TaskZoomTest {
  @Test
  void eachBodyGetsItsOwnZoomAndKeepsThePersonsFactor() {
    TaskZoom z = new TaskZoom("multitask"); // the camera's view: 16 m
    assertThat(z.zoomFor("race", 1f)).isEqualTo(5f); // 80 m around the car
    assertThat(z.zoomFor("race", 5f)).isEqualTo(5f); // unchanged while the body stays
    float arm = z.zoomFor("reach", 2.5f); // the person had zoomed in twice on the car
    assertThat(arm).isCloseTo(6f / 16, offset(1e-6f));
    assertThat(z.zoomFor("navigate", arm)).isEqualTo(1f);
    assertThat(z.zoomFor("race", 1f)).as("the car's factor of 0.5 is back").isEqualTo(2.5f);
  }
}
