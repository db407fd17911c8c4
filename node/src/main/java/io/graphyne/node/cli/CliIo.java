package io.graphyne.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.json.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Input and output helpers shared by the CLI commands: JSON on stdout, one object per line. */
public final class CliIo {
  /** Largest input file or stdin a command reads (keeps a mistaken argument from eating memory). */
  public static final long MAX_INPUT_BYTES = 512L * 1024 * 1024;

  private CliIo() {}

  /** Exception for user errors: the message is printed as-is, exit code 1. */
  public static final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
      super(message);
    }
  }

  public static String readText(String fileOrDash) {
    try {
      if (fileOrDash.equals("-")) {
        InputStream in = System.in;
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INPUT_BYTES + 1));
        if (b.length > MAX_INPUT_BYTES) {
          throw new UserError("standard input is larger than " + MAX_INPUT_BYTES + " bytes");
        }
        return new String(b, StandardCharsets.UTF_8);
      }
      Path p = Path.of(fileOrDash);
      if (Files.size(p) > MAX_INPUT_BYTES) {
        throw new UserError(fileOrDash + " is larger than " + MAX_INPUT_BYTES + " bytes");
      }
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + fileOrDash);
    } catch (IOException e) {
      throw new UserError("cannot read " + fileOrDash + ": " + e.getMessage());
    }
  }

  /** The non-blank lines of a text, trimmed. */
  public static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\r?\n")) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return out;
  }

  /**
   * The JSON documents in a text: one document, or JSON Lines (one per non-blank line). A line that
   * does not parse becomes a {@link DecodeException} in the returned list.
   */
  public static List<Object> jsonDocuments(String text) {
    List<Object> out = new ArrayList<>();
    try {
      out.add(ProtocolJson.parse(text));
      return out;
    } catch (DecodeException whole) {
      for (String line : lines(text)) {
        try {
          out.add(ProtocolJson.parse(line));
        } catch (DecodeException e) {
          out.add(e);
        }
      }
      return out;
    }
  }

  public static ObjectNode object() {
    return ProtocolJson.MAPPER.createObjectNode();
  }

  public static ObjectNode error(Throwable e) {
    ObjectNode o = object();
    o.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
    if (e instanceof DecodeException d) {
      o.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
      if (d.offset() >= 0) {
        o.put("offset", d.offset());
      }
      if (!d.path().isEmpty()) {
        o.put("path", d.path());
      }
    }
    return o;
  }

  /**
   * Applies {@code describe} to every non-blank line of a file (or stdin) and prints one JSON
   * object per line: the result, or {@code {"error": ...}} for a line that fails. Returns the
   * number of failed lines.
   */
  public static int eachLine(String fileOrDash, PrintWriter out, java.util.function.Function<String, JsonNode> describe) {
    int failures = 0;
    for (String line : lines(readText(fileOrDash))) {
      try {
        print(out, describe.apply(line), false);
      } catch (DecodeException | IllegalArgumentException | UserError e) {
        print(out, error(e), false);
        failures++;
      }
    }
    return failures;
  }

  /**
   * Applies {@code convert} to every JSON document of a text (one document, or JSON Lines). With a
   * single document a failure is thrown (exit code 1); with several each failure is printed as an
   * {@code {"error": ...}} line. Returns the number of failed documents.
   */
  public static int eachJson(String text, PrintWriter out, boolean pretty, java.util.function.Function<JsonNode, JsonNode> convert) {
    List<Object> docs = jsonDocuments(text);
    if (docs.size() == 1) {
      if (docs.get(0) instanceof DecodeException e) {
        throw e;
      }
      print(out, convert.apply((JsonNode) docs.get(0)), pretty);
      return 0;
    }
    int failures = 0;
    for (Object d : docs) {
      try {
        if (d instanceof DecodeException e) {
          throw e;
        }
        print(out, convert.apply((JsonNode) d), false);
      } catch (DecodeException | IllegalArgumentException e) {
        print(out, error(e), false);
        failures++;
      }
    }
    return failures;
  }

  public static void print(PrintWriter out, JsonNode node, boolean pretty) {
    out.println(pretty ? ProtocolJson.writePretty(node) : ProtocolJson.write(node));
    out.flush();
  }
}
