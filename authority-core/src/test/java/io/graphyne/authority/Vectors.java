package io.graphyne.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared vectors (system property graphyne.shared, else ../shared of the repo). */
final class Vectors {
  private Vectors() {}

  static Path shared() {
    String p = System.getProperty("graphyne.shared");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return module.getParent().resolve("../shared").normalize();
  }

  static JsonNode json(String relative) {
    try {
      return new ObjectMapper().readTree(Files.readAllBytes(shared().resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
