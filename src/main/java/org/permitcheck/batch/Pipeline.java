package org.permitcheck.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Processes items with {@code jobs} worker threads and hands the results to {@code sink} in input
 * order, on the calling thread. At most a bounded number of items is in flight, so memory does not
 * grow with the input; {@code idle} runs when the sink would have to wait (e.g. to flush output).
 */
public final class Pipeline {
  private Pipeline() {}

  public static <I, O> void run(Iterator<I> items, Function<I, O> work, int jobs, Consumer<O> sink, Runnable idle) {
    if (jobs <= 1) {
      while (items.hasNext()) {
        sink.accept(work.apply(items.next()));
      }
      idle.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs, daemon());
    try {
      Deque<Future<O>> inFlight = new ArrayDeque<>();
      int capacity = jobs * 256;
      while (items.hasNext()) {
        I item = items.next();
        inFlight.add(pool.submit(() -> work.apply(item)));
        while (inFlight.size() >= capacity || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
          sink.accept(take(inFlight.poll(), idle));
        }
      }
      while (!inFlight.isEmpty()) {
        sink.accept(take(inFlight.poll(), idle));
      }
      idle.run();
    } finally {
      pool.shutdownNow();
    }
  }

  private static <O> O take(Future<O> f, Runnable idle) {
    try {
      if (!f.isDone()) {
        idle.run();
        while (true) {
          try {
            return f.get(200, TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
            idle.run();
          }
        }
      }
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "permitcheck-worker");
      t.setDaemon(true);
      return t;
    };
  }
}
