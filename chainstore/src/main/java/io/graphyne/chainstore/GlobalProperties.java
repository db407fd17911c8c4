package io.graphyne.chainstore;

import io.graphyne.protocol.ObjectId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Global properties 2.0.0: parameters, pending parameters and the active witnesses. */
public record GlobalProperties(
    ChainParameters parameters,
    Optional<ChainParameters> pendingParameters,
    List<ObjectId> activeWitnesses) {
  public GlobalProperties {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(pendingParameters, "pendingParameters");
    activeWitnesses = List.copyOf(activeWitnesses);
  }
}
