/**
 * Rule T1 (spec/authority.md §5): bitshares-core's stateless {@code transaction::validate()} and
 * every operation's {@code validate()}. {@link io.graphyne.protocol.validation.OperationValidator}
 * judges a transaction or one operation and returns a
 * {@link io.graphyne.protocol.validation.ValidationError} (operation, field path, message) or null;
 * {@link io.graphyne.protocol.validation.Names} holds {@code is_valid_name} and
 * {@code is_valid_symbol}. Pure functions: no state, no clock, no I/O.
 */
package io.graphyne.protocol.validation;
