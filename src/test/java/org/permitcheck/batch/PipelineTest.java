package org.permitcheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order of results and the bound on what is in flight, whatever the chunk size and jobs. */
class PipelineTest {
  @ParameterizedTest(name = "{0} jobs, chunks of {1}")
  @CsvSource({"1, 64", "2, 64", "2, 8", "3, 1"})
  void handsOnEveryResultInInputOrderWithABoundedNumberInFlight(int jobs, int chunk) {
    List<Integer> in = IntStream.range(0, 1000).boxed().toList();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger handedOn = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    List<Integer> out = new ArrayList<>();
    Pipeline.run(in.iterator(), () -> true, i -> {
      mostInFlight.accumulateAndGet(started.incrementAndGet() - handedOn.get(), Math::max);
      return i * 2;
    }, jobs, r -> {
      handedOn.incrementAndGet();
      out.add(r);
    }, () -> { }, chunk);
    assertThat(out).isEqualTo(in.stream().map(i -> i * 2).toList());
    assertThat(mostInFlight.get()).isLessThanOrEqualTo(Math.max(1, jobs * Pipeline.CHUNKS_PER_JOB * chunk) + chunk);
  }
}
