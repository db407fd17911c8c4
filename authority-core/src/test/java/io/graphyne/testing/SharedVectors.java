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
 * Reads the shared test vectors (never copied into the repository): from the directory named by
 * the system property {@code graphyne.shared} (surefire sets it), else {@code ../shared} next to
 * the repository.
 */
public final class SharedVectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedVectors() {}

  /** The shared folder ({@code spec/}, {@code vectors/}, ...). */
  public static Path sharedDir() {
    String prop = System.getProperty("graphyne.shared");
    if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    Path moduleDir = Path.of("").toAbsolutePath();
    for (Path p = moduleDir; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("vectors"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared vectors not found; set -Dgraphyne.shared=<dir>");
  }

  public static Path vectors(String relative) {
    return sharedDir().resolve("vectors").resolve(relative);
  }

  public static JsonNode json(String relative) {
    try {
      return MAPPER.readTree(vectors(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One JSON value per line. */
  public static List<JsonNode> jsonLines(String relative) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines(relative)) {
      if (!line.isBlank()) {
        try {
          out.add(MAPPER.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  public static List<String> lines(String relative) {
    try {
      return Files.readAllLines(vectors(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
