package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.swarmbid.ui.common.Dialogs;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;
import org.swarmbid.ui.settings.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings screen: saved and loaded again, applied (theme, language, limits), bad input refused. */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {
    @TempDir
    Path tmp;
    private ShellFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        Screen extra = new Screen() {
            private final Label view = new Label("extra");

            @Override
            public String id() {
                return "wallet";
            }

            @Override
            public String title() {
                return "Wallet";
            }

            @Override
            public Node view() {
                return view;
            }
        };
        fx = new ShellFixture(tmp, stage, List.of(ctx -> extra));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void settingsAreSavedAndLoadedAgain(FxRobot robot) {
        robot.clickOn("#nav-settings");
        replace(robot, "#settings-up-limit", "512");
        replace(robot, "#settings-port", "51413");
        replace(robot, "#settings-max-peers", "33");
        robot.interact(() -> robot.lookup("#settings-theme").queryAs(ComboBox.class).setValue(Theme.DARK));
        robot.clickOn("#settings-save");
        FxWait.until("settings file", Duration.ofSeconds(10),
                () -> new SettingsStore(fx.state).load().uploadLimit() == 512 * 1024);

        Settings loaded = new SettingsStore(fx.state).load();
        assertThat(loaded.port()).isEqualTo(51413);
        assertThat(loaded.maxPeersPerTorrent()).isEqualTo(33);
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
        assertThat(loaded.downloadDir()).isEqualTo(fx.downloads.toAbsolutePath());
        // applied: dark stylesheet on the scene, and the restart note for the port
        assertThat(fx.window.scene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(robot.lookup("#settings-note").queryAs(Label.class).getText()).contains("next start");
        // a fresh window shows the saved values
        String port = FxWait.onFx(() -> {
            MainWindow again = new MainWindow(DesktopServices.of(fx.session, fx.state), List.of(), fx.background,
                    () -> null);
            String text = again.settingsScreen().model().portProperty().get();
            again.close();
            return text;
        });
        assertThat(port).isEqualTo("51413");
    }

    @Test
    void languageSwitchRelabelsTheWindow(FxRobot robot) {
        assertThat(robot.lookup("#nav-settings").queryAs(ToggleButton.class).getText()).isEqualTo("Settings");
        robot.clickOn("#nav-settings");
        robot.interact(() -> robot.lookup("#settings-language").queryAs(ComboBox.class).setValue(Locale.GERMAN));
        robot.clickOn("#settings-save");
        FxWait.until("German labels", Duration.ofSeconds(10), () -> "Einstellungen".equals(
                robot.lookup("#nav-settings").queryAs(ToggleButton.class).getText()));
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).getText()).isEqualTo("Speichern");
        assertThat(fx.window.currentScreenId()).isEqualTo("settings");
        robot.clickOn("#nav-torrents");
        assertThat(robot.lookup("#add-file").queryAs(Button.class).getText()).isEqualTo("Torrent hinzufügen…");
        // the extra screen survived the rebuild, in its place between torrents and settings
        assertThat(fx.window.screens()).extracting(Screen::id).containsExactly("torrents", "wallet", "settings");
        assertThat(new SettingsStore(fx.state).load().language()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void badPortIsRefusedWithOneLineMessage(FxRobot robot) {
        robot.clickOn("#nav-settings");
        replace(robot, "#settings-port", "70000");
        robot.clickOn("#settings-save");
        FxWait.until("error dialog", Duration.ofSeconds(5), () -> robot.lookup("#" + Dialogs.MESSAGE_ID).tryQuery()
                .isPresent());
        String msg = robot.lookup("#" + Dialogs.MESSAGE_ID).queryAs(Label.class).getText();
        assertThat(msg).isEqualTo("Listen port: “70000” is not a whole number from 0 to 65535");
        assertThat(new SettingsStore(fx.state).load().port()).isEqualTo(Settings.defaults().port());
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }
}
