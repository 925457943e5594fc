package org.swarmbid.ui.details;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A horizontal bar of the torrent's pieces drawn on a canvas: one cell per piece, or per group of pieces when
 * there are more pieces than pixels (a group is shaded by how many of its pieces are verified). It draws the
 * engine's per-piece map ({@code TorrentHandle.pieces()}), so a rarest-first download shows as scattered cells.
 */
public final class PiecesBar extends Region {
    private final Canvas canvas = new Canvas();
    private java.util.BitSet have = new java.util.BitSet();
    private int count;
    private Color doneColor = Color.web("#3b82f6");
    private Color missingColor = Color.rgb(128, 128, 128, 0.3);

    public PiecesBar() {
        getChildren().add(canvas);
        getStyleClass().add("pieces-bar");
        setMinHeight(22);
        setPrefHeight(22);
    }

    /** Draws {@code count} pieces, those set in {@code have} as verified. Skips the repaint if nothing changed. */
    public void draw(java.util.BitSet have, int count) {
        if (count == this.count && have.equals(this.have)) {
            return;
        }
        this.have = (java.util.BitSet) have.clone();
        this.count = count;
        repaint();
    }

    /** The pieces drawn now (a copy), for tests. */
    public java.util.BitSet drawn() {
        return (java.util.BitSet) have.clone();
    }

    /** The piece count drawn now. */
    public int count() {
        return count;
    }

    /** Colours for the dark theme. */
    public void colors(Color done, Color missing) {
        this.doneColor = done;
        this.missingColor = missing;
        repaint();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        repaint();
    }

    private void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(missingColor);
        g.fillRect(0, 0, w, h);
        if (count <= 0 || w <= 0) {
            return;
        }
        int columns = (int) Math.min(count, Math.floor(w));
        double cw = w / columns;
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * count / columns);
            int to = (int) ((long) (c + 1) * count / columns);
            int n = Math.max(1, to - from);
            int done = have.get(from, Math.max(from + 1, to)).cardinality();
            if (done == 0) {
                continue;
            }
            double f = (double) done / n;
            g.setFill(missingColor.interpolate(doneColor, f));
            g.fillRect(c * cw, 0, Math.ceil(cw), h);
        }
    }
}
