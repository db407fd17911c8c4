package io.graphyne.chainstore;

import io.graphyne.protocol.ObjectId;
import java.util.List;

/** Witness schedule 2.12.0: the current shuffled witnesses. */
public record WitnessSchedule(List<ObjectId> currentShuffledWitnesses) {
  public WitnessSchedule {
    currentShuffledWitnesses = List.copyOf(currentShuffledWitnesses);
  }
}
