/**
 * The authority engine: bitshares-core's verdicts and beyond.
 *
 * <ul>
 *   <li>{@link io.graphyne.authority.RequiredAuthorities}: what each of the 78 operations needs (fee
 *       payer, active, owner, other), over records ({@link io.graphyne.authority.RecordOpFields}) or
 *       JSON ({@link io.graphyne.authority.JsonOpFields}).
 *   <li>{@link io.graphyne.authority.AuthorityChecker}: {@code verify_authority} with {@code
 *       sign_state} exactly (spec/authority.md §2), reading accounts through {@link
 *       io.graphyne.authority.AuthorityView}; rules per head time from {@link
 *       io.graphyne.authority.HardforkSchedule}; {@link io.graphyne.authority.TransactionAuthority}
 *       for whole transactions.
 *   <li>BSIP40: {@link io.graphyne.authority.CustomAuthorities} and {@link
 *       io.graphyne.authority.RestrictionPredicate}.
 *   <li>{@link io.graphyne.authority.WalletApis}: required / potential / minimal signatures,
 *       verify_account_authority. {@link io.graphyne.authority.Proposals}: approvals and proposal
 *       rules.
 *   <li>Analysis: {@link io.graphyne.authority.Explain}, {@link io.graphyne.authority.WhoCanSign},
 *       {@link io.graphyne.authority.Lint}.
 * </ul>
 */
package io.graphyne.authority;
