/**
 * Choking (BEP 3): which connected peers we upload to, decided once per round (mainline: every 10 s).
 *
 * <p>Owns: the {@link org.swarmbid.core.choke.ChokePolicy} interface, its input records
 * {@link org.swarmbid.core.choke.PeerSnapshot} and {@link org.swarmbid.core.choke.ChokeContext}, its output
 * {@link org.swarmbid.core.choke.ChokeDecision}, and the standard policies:
 * {@link org.swarmbid.core.choke.TitForTatChoker} (leeching), {@link org.swarmbid.core.choke.SeedChoker}
 * (seeding), {@link org.swarmbid.core.choke.StandardChoker} (switches between them) and
 * {@link org.swarmbid.core.choke.OptimisticUnchoke} (the rotating random slot both use).
 *
 * <p>Pure policies: no sockets, no Netty, no threads, no clock; time arrives as round numbers and connection ages,
 * randomness only from {@link org.swarmbid.core.choke.ChokeContext#random()}. Imports no other Swarmbid package.
 *
 * <h2>Contract of {@code ChokePolicy.decide}</h2>
 * <ul>
 *   <li>Called on the torrent's event loop once per round with one snapshot per connected peer, in a stable
 *       order (e.g. connection order). It must not block, must not keep references to the snapshots, and must be
 *       a deterministic function of its arguments (including the state of the {@code Random}).</li>
 *   <li>It returns keys taken from the snapshots only. Each key appears at most once across
 *       {@code regular}, {@code optimistic} and {@code extra}. At most {@code regularSlots} regular and
 *       {@code optimisticSlots} optimistic peers.</li>
 *   <li>The engine then unchokes exactly {@code decision.unchoke()} and chokes every other peer. When it
 *       changes a peer's choke state it sets that peer's {@code stateSinceRound} to the round; when a peer is
 *       newly placed in {@code optimistic} it sets {@code lastOptimisticRound} to the round, and marks the
 *       snapshot {@code optimistic} while it stays there. Round numbers grow by one per round.</li>
 * </ul>
 *
 * <h2>Composition (how a plugin adds or ranks slots)</h2>
 * A policy is replaced or decorated, never edited. A decorator holds the policy it wraps and:
 * <ol>
 *   <li>calls {@code base.decide(peers, context)} first, with the same peers and context; a decorator that sells
 *       some of the regular slots instead passes a context with fewer {@code regularSlots} and fills the rest
 *       itself;</li>
 *   <li>keeps the base's {@code regular} and {@code optimistic} lists as they are, so tit-for-tat and the
 *       optimistic unchoke keep working for peers that do not pay;</li>
 *   <li>adds its own peers with {@link org.swarmbid.core.choke.ChokeDecision#withExtra}, which skips peers the
 *       base already unchoked; extra slots are on top of the context's slot counts and the decorator bounds them;
 *   </li>
 *   <li>draws randomness only from the context's {@code Random}, after the base has drawn.</li>
 * </ol>
 * Decorators nest ({@code new B(new A(new StandardChoker()))}); only one component may replace the whole policy.
 * See {@code PaidSlotsDecorator} in the tests for a worked example.
 *
 * <p>Threading: policies keep no mutable state and are safe to share; records are immutable. A decision is made
 * on one torrent's event loop.
 */
package org.swarmbid.core.choke;
