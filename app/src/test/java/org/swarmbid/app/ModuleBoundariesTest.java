package org.swarmbid.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, checked on the compiled classes of every module (the app sees them all):
 * the engine knows nothing of payments, the wallet nothing of torrents, the bidding engine talks to the chain only
 * through its ports, and only the desktop UI imports JavaFX.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.swarmbid");
    }

    @Test
    void engineKnowsNothingOfPaymentsWalletOrUi() {
        noClasses().that().resideInAPackage("org.swarmbid.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.swarmbid.wallet..", "org.swarmbid.bidding..",
                        "org.swarmbid.ext..", "org.swarmbid.ui..", "org.swarmbid.app..", "javafx..",
                        "org.tron..", "org.bouncycastle..")
                .check(classes);
    }

    @Test
    void walletKnowsNothingOfTorrents() {
        noClasses().that().resideInAPackage("org.swarmbid.wallet..")
                .should().dependOnClassesThat().resideInAnyPackage("org.swarmbid.core..", "org.swarmbid.ext..",
                        "org.swarmbid.bidding..", "org.swarmbid.ui..", "org.swarmbid.app..", "io.netty..", "javafx..")
                .check(classes);
    }

    @Test
    void biddingEngineUsesNoNettyJavaFxOrTronSdk() {
        noClasses().that().resideInAPackage("org.swarmbid.bidding..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "javafx..", "org.tron..",
                        "org.swarmbid.wallet..", "org.swarmbid.core..", "org.swarmbid.ui..", "org.swarmbid.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheDesktopUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.swarmbid.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void leafPackagesOfTheEngineDoNotImportTheEngine() {
        noClasses().that().resideInAnyPackage("org.swarmbid.core.bencode..", "org.swarmbid.core.bitfield..",
                        "org.swarmbid.core.metainfo..", "org.swarmbid.core.wire..", "org.swarmbid.core.picker..",
                        "org.swarmbid.core.choke..", "org.swarmbid.core.storage..", "org.swarmbid.core.tracker..")
                .should().dependOnClassesThat().resideInAnyPackage("org.swarmbid.core.session..",
                        "org.swarmbid.core.api..", "org.swarmbid.core.spi..")
                .check(classes);
    }
}
