package io.graphyne.config.node;

/** A configuration value is missing, malformed or unknown; the message names the setting and its source. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
