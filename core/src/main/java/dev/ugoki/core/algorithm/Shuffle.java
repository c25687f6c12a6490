package dev.ugoki.core.algorithm;

import java.util.SplittableRandom;

/** Minibatch order for the learners: a seeded Fisher-Yates shuffle of sample indices. */
final class Shuffle {
  private Shuffle() {}

  static void inPlace(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
