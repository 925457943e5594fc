package org.swarmbid.ui.settings;

/** Light or dark look; each is a stylesheet on top of JavaFX's Modena. */
public enum Theme {
    LIGHT("/org/swarmbid/ui/light.css"),
    DARK("/org/swarmbid/ui/dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The stylesheet's URL as a string, for {@code Scene.getStylesheets()}. */
    public String stylesheetUrl() {
        return java.util.Objects.requireNonNull(Theme.class.getResource(stylesheet), stylesheet).toExternalForm();
    }
}
