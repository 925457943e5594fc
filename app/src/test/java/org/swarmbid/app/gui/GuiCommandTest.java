package org.swarmbid.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a display the GUI prints one line and exits non-zero, before any engine or lock is created. */
class GuiCommandTest {
    @TempDir
    Path state;

    @Test
    void noDisplayIsOneLineAndNonZero() throws Exception {
        System.setProperty("java.awt.headless", "true"); // as on a server without DISPLAY
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new GuiLauncher(state, null, new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of());
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(GuiLauncher.NO_DISPLAY).isNotZero();
        assertThat(text.lines()).hasSize(1);
        assertThat(text).startsWith("swarmbid: no display available");
        assertThat(state.resolve(SingleInstance.LOCK_FILE)).doesNotExist();
    }

    @Test
    void theDemoWithoutADisplayIsOneLineTooAndStartsNothing() throws Exception {
        System.setProperty("java.awt.headless", "true");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new GuiLauncher(state, null, new PrintStream(err, true, StandardCharsets.UTF_8))
                .runDemo(DemoWorld.Options.defaults());
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(GuiLauncher.NO_DISPLAY);
        assertThat(text.lines()).hasSize(1);
        assertThat(text).startsWith("swarmbid: no display available");
        assertThat(state).isEmptyDirectory();
    }
}
