package org.permitcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The floor the batch figures are compared with: only reading and parsing the same inputs with
 * Jackson, keeping nothing. {@code Floor ndjson FILE JOBS} or {@code Floor yaml DIR JOBS}. With one
 * job the main thread reads and parses; with more, it reads and hands chunks of 64 inputs to the
 * workers, as permitcheck does.
 */
public final class Floor {
  private static final int CHUNK = 64;

  private Floor() {}

  public static void main(String[] args) throws Exception {
    int jobs = Integer.parseInt(args[2]);
    ExecutorService pool = jobs > 1 ? Executors.newFixedThreadPool(jobs) : null;
    LongAdder fields = new LongAdder();
    Deque<Future<?>> pending = new ArrayDeque<>();
    long n = 0;
    List<Callable<Long>> chunk = new ArrayList<>();
    if (args[0].equals("ndjson")) {
      ObjectMapper mapper = new ObjectMapper();
      try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          String l = line;
          chunk.add(() -> parse(mapper, l));
          n++;
          chunk = hand(chunk, pool, pending, fields, jobs);
        }
      }
    } else {
      YAMLMapper mapper = new YAMLMapper();
      try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          chunk.add(() -> parse(mapper, Files.readString(p)));
          n++;
          chunk = hand(chunk, pool, pending, fields, jobs);
        }
      }
    }
    if (pool != null && !chunk.isEmpty()) {
      pending.add(submit(chunk, pool, fields));
    }
    drain(pending, 0);
    if (pool != null) {
      pool.shutdown();
    }
    System.out.println(n + " cases, " + fields.sum() + " fields");
  }

  /** Runs a full chunk at once (one job) or hands it to the workers; returns the chunk to fill next. */
  private static List<Callable<Long>> hand(List<Callable<Long>> chunk, ExecutorService pool, Deque<Future<?>> pending,
      LongAdder fields, int jobs) throws Exception {
    if (pool == null) {
      fields.add(chunk.get(0).call());
      chunk.clear();
      return chunk;
    }
    if (chunk.size() < CHUNK) {
      return chunk;
    }
    pending.add(submit(chunk, pool, fields));
    drain(pending, jobs * 4);
    return new ArrayList<>();
  }

  private static Future<?> submit(List<Callable<Long>> chunk, ExecutorService pool, LongAdder fields) {
    return pool.submit(() -> {
      for (Callable<Long> c : chunk) {
        fields.add(c.call());
      }
      return null;
    });
  }

  static long parse(ObjectMapper mapper, String text) throws Exception {
    JsonNode node = mapper.readTree(text);
    return node.path("facts").size();
  }

  static void drain(Deque<Future<?>> pending, int keep) throws Exception {
    while (pending.size() > keep) {
      pending.poll().get();
    }
  }
}
