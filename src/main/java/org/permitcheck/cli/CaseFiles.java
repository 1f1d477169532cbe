package org.permitcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands the CASE arguments: files as given, directories recursively (*.yaml, *.yml, *.json). */
final class CaseFiles {
  private CaseFiles() {}

  static List<String> expand(Context ctx, List<String> args) {
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      Path p = ctx.resolve(arg);
      if (!Files.isDirectory(p)) {
        out.add(arg);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(Files::isRegularFile).filter(CaseFiles::isCaseFile).sorted()
            .forEach(f -> out.add(join(arg, p.relativize(f))));
      } catch (IOException e) {
        out.add(arg);
      }
    }
    return out;
  }

  static boolean isCaseFile(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static String join(String dir, Path relative) {
    String base = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    return base + "/" + relative.toString().replace('\\', '/');
  }
}
