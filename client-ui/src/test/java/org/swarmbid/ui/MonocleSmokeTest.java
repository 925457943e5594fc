package org.swarmbid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Proves the headless toolkit (Monocle) runs real JavaFX scenes and TestFX can click them. */
@ExtendWith(ApplicationExtension.class)
class MonocleSmokeTest {
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("before");
        Button button = new Button("press");
        button.setId("press");
        button.setOnAction(e -> label.setText("after"));
        stage.setScene(new Scene(new VBox(button, label), 200, 100));
        stage.show();
    }

    @Test
    void clickChangesLabel(FxRobot robot) {
        robot.clickOn("#press");
        assertThat(label.getText()).isEqualTo("after");
    }
}
