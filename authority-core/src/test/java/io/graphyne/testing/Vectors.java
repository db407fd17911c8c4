package io.graphyne.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Access to the shared test vectors in {@code ../shared/vectors/} (system property
 * {@code graphyne.shared}, set by surefire; falls back to {@code ../shared} and {@code ../../shared}).
 */
public final class Vectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Vectors() {}

  public static Path shared() {
    String p = System.getProperty("graphyne.shared");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    for (String c : new String[] {"../shared", "../../shared", "../../../shared"}) {
      if (Files.isDirectory(Path.of(c, "vectors"))) {
        return Path.of(c);
      }
    }
    throw new IllegalStateException("the shared folder (../shared/vectors) was not found");
  }

  public static Path path(String relative) {
    return shared().resolve("vectors").resolve(relative);
  }

  public static Path specPath(String relative) {
    return shared().resolve("spec").resolve(relative);
  }

  public static JsonNode json(String relative) {
    try {
      return MAPPER.readTree(path(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON at a path relative to the shared folder itself (e.g. {@code spec/operations.json}). */
  public static JsonNode sharedJson(String relativeToShared) {
    try {
      return MAPPER.readTree(shared().resolve(relativeToShared).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<JsonNode> jsonLines(String relative) {
    try {
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(path(relative))) {
        if (!line.isBlank()) {
          out.add(MAPPER.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> lines(String relative) {
    try {
      return Files.readAllLines(path(relative)).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
