/**
 * The desktop client (JavaFX 21): the main window's shell and the {@link org.swarmbid.ui.Screen} contract every
 * screen package implements. One package per screen with a Controller, a Model of properties and a View; the
 * services (engine session, wallet, bidding) are handed in by {@code app}, the composition root.
 *
 * <p>Threading: JavaFX nodes and models are touched on the FX application thread only; engine state arrives as
 * diffs about once a second and is applied with {@code Platform.runLater}; nothing blocks the FX thread.
 */
package org.swarmbid.ui;
