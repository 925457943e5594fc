package org.swarmbid.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.swarmbid.core.session.Engine;
import org.swarmbid.ui.common.Background;
import org.swarmbid.ui.settings.Settings;
import org.swarmbid.ui.settings.SettingsStore;

/** A main window on a real loopback engine, settings in English with downloads under {@code tmp/downloads}. */
final class ShellFixture implements AutoCloseable {
    final Path state;
    final Path downloads;
    final Engine session;
    final Background background = new Background(2);
    final MainWindow window;

    ShellFixture(Path tmp, Stage stage, List<ScreenFactory> extra) throws IOException {
        state = tmp.resolve("state");
        downloads = tmp.resolve("downloads");
        new SettingsStore(state).save(Settings.defaults().withDownloadDir(downloads).withLanguage(Locale.ENGLISH));
        session = Engines.loopback(state);
        window = new MainWindow(DesktopServices.of(session, state), extra, background, () -> stage);
        stage.setScene(window.scene());
        stage.show();
    }

    @Override
    public void close() {
        FxWait.onFx(window::close);
        background.close();
        session.close();
    }
}
