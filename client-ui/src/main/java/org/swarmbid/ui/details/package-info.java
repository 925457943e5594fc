/**
 * The details pane under the torrent list: overview with a pieces bar drawn from the engine's per-piece map (and
 * the check's progress while checking), files with their verified bytes and editable priorities, peers
 * (client, flags, rates, and the bid extension's {@code btt.slot} / {@code btt.price} attributes), trackers with
 * their announce status, and a speed graph. Controller, Model (properties and observable lists) and View.
 *
 * <p>Threading: FX thread only, except the snapshot (peers, verified pieces, bytes per file, priorities), which is
 * taken on the background executor once a second while the pane is visible and a torrent is selected.
 */
package org.swarmbid.ui.details;
