package io.graphyne.protocol;

/** {@code std::pair<A,B>}: A then B on the wire, {@code [a, b]} in JSON. */
public record Pair(Object first, Object second) {}
