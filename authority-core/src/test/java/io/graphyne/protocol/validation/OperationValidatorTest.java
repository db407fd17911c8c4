package io.graphyne.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.Schema;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Per operation (operation-cases.json): a valid value passes, variants that bitshares-core also
 * accepts pass, and each rule broken alone fails with its own path and message. Values are built
 * from JSON through the real ProtocolJson mapping into the generated records.
 */
class OperationValidatorTest {
  private static final String ABSENT = "$absent";
  private static final JsonNode CASES = load();

  private static JsonNode load() {
    try (InputStream in = OperationValidatorTest.class.getResourceAsStream("operation-cases.json")) {
      return new ObjectMapper().readTree(in).get("cases");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Operation build(String name, JsonNode valid, JsonNode patch) {
    ObjectNode json = valid.deepCopy();
    if (patch != null) {
      Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        set(json, e.getKey(), e.getValue());
      }
    }
    return ProtocolJson.fromJson(Operations.classOf(Operations.tagOf(name)), json, JsonContext.BTS);
  }

  /** Sets (or with {@code $absent} removes) a dotted path; numeric segments index arrays. */
  private static void set(JsonNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
      if (next == null) {
        next = ((ObjectNode) node).putObject(parts[i]);
      }
      node = next;
    }
    String last = parts[parts.length - 1];
    boolean remove = value.isTextual() && ABSENT.equals(value.asText());
    if (node.isArray()) {
      ((ArrayNode) node).set(Integer.parseInt(last), value);
    } else if (remove) {
      ((ObjectNode) node).remove(last);
    } else {
      ((ObjectNode) node).set(last, value);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyOperation() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : CASES) {
      String name = c.get("op").asText();
      JsonNode valid = c.get("valid");
      if (c.path("virtual").asBoolean()) {
        tests.add(DynamicTest.dynamicTest(name + " is virtual", () -> {
          Operation op = build(name, valid, null);
          assertThat(op.isVirtual()).isTrue();
          assertThat(OperationValidator.validate(op)).hasToString(name + ": virtual operation");
        }));
        continue;
      }
      tests.add(DynamicTest.dynamicTest(name + " valid", () ->
          assertThat(OperationValidator.validate(build(name, valid, null))).isNull()));
      int i = 0;
      for (JsonNode also : c.get("also_valid")) {
        tests.add(DynamicTest.dynamicTest(name + " also valid #" + i++ + " " + also, () ->
            assertThat(OperationValidator.validate(build(name, valid, also))).isNull()));
      }
      for (JsonNode b : c.get("breaks")) {
        String expected = b.get("error").asText();
        tests.add(DynamicTest.dynamicTest(name + " breaks: " + expected, () -> {
          ValidationError e = OperationValidator.validate(build(name, valid, b.get("set")));
          assertThat(e).as(b.get("set").toString()).isNotNull();
          assertThat(e.toString()).isEqualTo(expected);
          assertThat(e.operation()).isEqualTo(name);
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void casesCoverAll78OperationsAndEveryNonVirtualOneBreaks() {
    Set<String> seen = new HashSet<>();
    for (JsonNode c : CASES) {
      String name = c.get("op").asText();
      assertThat(seen.add(name)).as(name).isTrue();
      boolean virtual = Schema.VIRTUAL_OPERATIONS.contains(Operations.tagOf(name));
      assertThat(c.path("virtual").asBoolean()).as(name).isEqualTo(virtual);
      if (!virtual) {
        assertThat(c.get("breaks").size()).as(name).isPositive();
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(Schema.OPERATION_NAMES);
  }
}
