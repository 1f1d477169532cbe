package org.permitcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The floor the batch figures are compared with: only reading and parsing the same inputs with
 * Jackson, keeping nothing. {@code Floor ndjson FILE JOBS} or {@code Floor yaml DIR JOBS}.
 */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) throws Exception {
    int jobs = Integer.parseInt(args[2]);
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    LongAdder fields = new LongAdder();
    List<Future<?>> pending = new ArrayList<>();
    long n = 0;
    if (args[0].equals("ndjson")) {
      ObjectMapper mapper = new ObjectMapper();
      try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          String l = line;
          pending.add(pool.submit(() -> {
            fields.add(parse(mapper, l));
            return null;
          }));
          n++;
          drain(pending, jobs * 256);
        }
      }
    } else {
      YAMLMapper mapper = new YAMLMapper();
      try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          pending.add(pool.submit(() -> {
            fields.add(parse(mapper, Files.readString(p)));
            return null;
          }));
          n++;
          drain(pending, jobs * 256);
        }
      }
    }
    drain(pending, 0);
    pool.shutdown();
    System.out.println(n + " cases, " + fields.sum() + " fields");
  }

  static long parse(ObjectMapper mapper, String text) throws Exception {
    JsonNode node = mapper.readTree(text);
    return node.path("facts").size();
  }

  static void drain(List<Future<?>> pending, int keep) throws Exception {
    while (pending.size() > keep) {
      pending.remove(0).get();
    }
  }
}
