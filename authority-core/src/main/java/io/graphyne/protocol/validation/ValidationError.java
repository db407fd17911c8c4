package io.graphyne.protocol.validation;

/**
 * Why an operation fails its stateless {@code validate()} (rule T1).
 *
 * @param operation bitshares-core's operation name, e.g. {@code transfer}
 * @param path the field (dotted, with {@code [i]} for list elements); empty for the whole operation
 * @param message what the rule requires
 */
public record ValidationError(String operation, String path, String message) {

  /** The same error seen from an enclosing operation (a proposal's proposed operation). */
  ValidationError within(String outerOperation, String outerPath) {
    String inner = path.isEmpty() ? operation : operation + "." + path;
    return new ValidationError(outerOperation, outerPath + "." + inner, message);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? operation + ": " + message : operation + "." + path + ": " + message;
  }
}
