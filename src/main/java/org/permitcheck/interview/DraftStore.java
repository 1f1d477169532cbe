package org.permitcheck.interview;

import java.io.IOException;

/** Where the draft goes after every answer (a private file, replaced atomically; memory in tests). */
@FunctionalInterface
public interface DraftStore {
  void save(Draft draft) throws IOException;
}
