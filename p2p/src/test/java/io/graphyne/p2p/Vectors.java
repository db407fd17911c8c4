package io.graphyne.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (system property graphyne.shared, else beside the repository). */
public final class Vectors {
  private Vectors() {}

  public static Path shared() {
    String p = System.getProperty("graphyne.shared");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    return Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
  }

  public static Path file(String rel) {
    return shared().resolve("vectors").resolve(rel);
  }

  public static JsonNode json(String rel) {
    try {
      return new ObjectMapper().readTree(file(rel).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
