package io.pergola.e2e;

import java.util.List;
import java.util.Locale;

/** A benchmark's measurements of one figure, summarised as the median and the 90th percentile. */
record Sample(List<Double> values) {

  Sample {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("A sample needs at least one value");
    }
    values = values.stream().sorted().toList();
  }

  /** The middle value (the upper one of the two middles for an even count). */
  double median() {
    return values.get(values.size() / 2);
  }

  double p90() {
    return values.get((int) Math.ceil(values.size() * 0.9) - 1);
  }

  /** "median ms (p90 ms)", one decimal. */
  String millis() {
    return String.format(Locale.ROOT, "%.1f ms (%.1f ms)", median(), p90());
  }
}
