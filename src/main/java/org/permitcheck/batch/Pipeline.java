package org.permitcheck.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Processes items with {@code jobs} worker threads and hands the results to {@code sink} in input
 * order, on the calling thread. Items go to the workers in chunks, so that handing over costs little
 * per item; at most a bounded number of chunks is in flight, so memory does not grow with the input.
 * When the input has nothing ready (a pipe whose writer is slow), what has been read is finished and
 * handed on first, so that output keeps pace with input. {@code idle} runs when the sink has to wait
 * (e.g. to flush output).
 */
public final class Pipeline {
  /** Items per chunk handed to a worker. */
  public static final int CHUNK = 64;
  /** Chunks in flight per worker. */
  static final int CHUNKS_PER_JOB = 4;

  private Pipeline() {}

  public static <I, O> void run(Iterator<I> items, Function<I, O> work, int jobs, Consumer<O> sink, Runnable idle) {
    run(items, () -> true, work, jobs, sink, idle);
  }

  /**
   * @param ready whether the next item can be had without waiting for input
   */
  public static <I, O> void run(Iterator<I> items, BooleanSupplier ready, Function<I, O> work, int jobs,
      Consumer<O> sink, Runnable idle) {
    run(items, ready, work, jobs, sink, idle, CHUNK);
  }

  /**
   * As {@link #run(Iterator, BooleanSupplier, Function, int, Consumer, Runnable)}, {@code chunk} items
   * to a chunk: fewer for large results (the full JSON form, about 90 KB a case), so that the results
   * in flight stay small.
   */
  public static <I, O> void run(Iterator<I> items, BooleanSupplier ready, Function<I, O> work, int jobs,
      Consumer<O> sink, Runnable idle, int chunkSize) {
    if (jobs <= 1) {
      while (items.hasNext()) {
        sink.accept(work.apply(items.next()));
        if (!ready.getAsBoolean()) {
          idle.run();
        }
      }
      idle.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs, daemon());
    try {
      Deque<Future<List<O>>> inFlight = new ArrayDeque<>();
      int capacity = jobs * CHUNKS_PER_JOB;
      while (items.hasNext()) {
        List<I> chunk = new ArrayList<>(chunkSize);
        boolean more;
        do {
          chunk.add(items.next());
          more = ready.getAsBoolean();
        } while (chunk.size() < chunkSize && more && items.hasNext());
        inFlight.add(pool.submit(() -> map(chunk, work)));
        while (inFlight.size() >= capacity || !more && !inFlight.isEmpty()
            || !inFlight.isEmpty() && inFlight.peek().isDone()) {
          take(inFlight.poll(), idle).forEach(sink);
        }
        if (!more) {
          idle.run();
        }
      }
      while (!inFlight.isEmpty()) {
        take(inFlight.poll(), idle).forEach(sink);
      }
      idle.run();
    } finally {
      pool.shutdownNow();
    }
  }

  private static <I, O> List<O> map(List<I> chunk, Function<I, O> work) {
    List<O> out = new ArrayList<>(chunk.size());
    for (I item : chunk) {
      out.add(work.apply(item));
    }
    return out;
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
