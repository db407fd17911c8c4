package io.graphyne.config.node;

/** Where an effective setting came from, highest precedence first. */
public enum ConfigSource {
  COMMAND_LINE,
  ENVIRONMENT,
  CONFIG_FILE,
  DEFAULT;

  public String label() {
    return switch (this) {
      case COMMAND_LINE -> "command line";
      case ENVIRONMENT -> "environment";
      case CONFIG_FILE -> "config.toml";
      case DEFAULT -> "default";
    };
  }
}
